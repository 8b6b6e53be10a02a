package org.gvsl.data.tensor;

import java.io.IOException;

/**
 * A file that cannot be used as an input volume or output: missing, not a NIfTI image or {@code .npy} array, an
 * array of the wrong rank, non-finite voxels, a label map that is not integer-valued, or an output name of an
 * unknown kind. The message is one line that starts with the file's name.
 */
public final class VolumeFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file, as named in the message
     * @param problem what is wrong with it
     */
    public VolumeFileException(Object file, String problem) {
        super(file + ": " + problem);
    }

    /** As {@link #VolumeFileException(Object, String)}, keeping the low-level cause. */
    public VolumeFileException(Object file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
