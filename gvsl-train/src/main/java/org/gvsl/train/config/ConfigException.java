package org.gvsl.train.config;

/**
 * A configuration that cannot be used: an unreadable or malformed file, an unknown key, a value of the wrong type
 * or out of range. The message is for the user: it names the key or file and the bad value.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the key or file and the value */
    public ConfigException(String message) {
        super(message);
    }

    /** @param message what is wrong; {@code cause} the underlying parser or validation error */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
