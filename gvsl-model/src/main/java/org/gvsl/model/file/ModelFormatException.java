package org.gvsl.model.file;

import java.io.IOException;

/**
 * A model source (model file, {@code .npz} state dict or run folder) that cannot be used: not a model, another
 * format version, truncated or corrupt, an entry or a tensor missing, a tensor of the wrong shape. The message is
 * one line that starts with the source's name and says what is wrong.
 */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file or folder, as named in the message
     * @param problem what is wrong with it
     */
    public ModelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    /** As {@link #ModelFormatException(String, String)}, keeping the low-level cause. */
    public ModelFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
