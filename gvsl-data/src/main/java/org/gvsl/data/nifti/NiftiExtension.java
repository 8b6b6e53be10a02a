package org.gvsl.data.nifti;

import java.util.Arrays;

/**
 * One header extension: {@code esize} (a multiple of 16, including its 8-byte head), {@code ecode} and the
 * content. The reader keeps extensions so that nothing is lost silently; the writer can write them.
 *
 * @param code    {@code ecode}, e.g. 4 (AFNI), 6 (comment), 32 (CIFTI)
 * @param content the extension's bytes without the 8-byte head (the writer pads them with zeros to 16)
 */
public record NiftiExtension(int code, byte[] content) {

    /** Copies the content. */
    public NiftiExtension {
        content = content.clone();
    }

    /** The content (a copy). */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Bytes this extension takes in a file: 8-byte head plus content, rounded up to a multiple of 16. */
    int sizeInFile() {
        return (8 + content.length + 15) / 16 * 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NiftiExtension e && code == e.code && Arrays.equals(content, e.content);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "NiftiExtension[code=" + code + ", " + content.length + " bytes]";
    }
}
