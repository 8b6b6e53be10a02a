package org.gvsl.data.loader;

/** A volume could not be loaded or a batch could not be prepared; the message names the file. */
public final class DataLoadingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The volume's name, or null. */
    private final String source;

    /**
     * @param source  the volume's name (usually its path)
     * @param message what went wrong
     * @param cause   the underlying error
     */
    public DataLoadingException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** The name of the volume that failed, or {@code null} when the failure is not tied to one. */
    public String source() {
        return source;
    }
}
