package org.gvsl.data.nifti;

import java.io.IOException;

/** A file that is not a valid NIfTI file, or one this reader does not support; the message names the file. */
public final class NiftiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file (or stream) name. */
    private final String source;

    /**
     * @param source the file (or stream) name
     * @param problem what is wrong, e.g. {@code "bad magic \"abc\" (expected n+1 or n+2)"}
     */
    public NiftiFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** @param cause the I/O error behind the problem (e.g. a truncated gzip stream) */
    public NiftiFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or stream) name. */
    public String source() {
        return source;
    }
}
