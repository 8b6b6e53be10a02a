package org.gvsl.data.nifti;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One header extension: {@code esize} (a multiple of 16, including its 8-byte head), {@code ecode} and the
 * content. The reader keeps extensions so that nothing is lost silently; the writer can write them.
 *
 * <p>Layout: the four bytes after the header ({@code extension[4]}) flag extensions when their first byte is
 * non-zero; then each extension is {@code int32 esize}, {@code int32 ecode} and {@code esize − 8} bytes of
 * content, one after the other up to {@code vox_offset}.
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

    /** Writes the extension flag and {@code extensions} after the header, in the buffer's byte order. */
    static void writeAll(ByteBuffer b, NiftiFormat format, List<NiftiExtension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        int flagAt = format.headerSize();
        b.put(flagAt, (byte) 1);
        int at = flagAt + 4;
        for (NiftiExtension e : extensions) {
            b.putInt(at, e.sizeInFile());
            b.putInt(at + 4, e.code());
            b.put(at + 8, e.content);
            at += e.sizeInFile();
        }
    }

    /**
     * Reads the extensions between the header and {@code vox_offset} (none if the flag is 0 or absent).
     *
     * @param b         the (decompressed) file, in its byte order
     * @param length    bytes of the file available in {@code b}
     * @param source    the file name, for messages
     * @throws NiftiFormatException if an extension's {@code esize} is invalid or runs past the file
     */
    static List<NiftiExtension> readAll(ByteBuffer b, NiftiFormat format, long voxOffset, int length, String source)
            throws NiftiFormatException {
        int flagAt = format.headerSize();
        if (length < flagAt + 4 || b.get(flagAt) == 0) {
            return List.of();
        }
        List<NiftiExtension> list = new ArrayList<>();
        long at = flagAt + 4;
        while (at + 8 <= voxOffset) {
            if (at + 8 > length) {
                throw new NiftiFormatException(source, "truncated: header extension at byte " + at + " runs past the end of the file");
            }
            int esize = b.getInt((int) at);
            int ecode = b.getInt((int) at + 4);
            if (esize < 16 || esize % 16 != 0 || at + esize > voxOffset) {
                throw new NiftiFormatException(source, "header extension at byte " + at + " has esize " + esize
                        + " (must be a positive multiple of 16 that ends by vox_offset " + voxOffset + ")");
            }
            if (at + esize > length) {
                throw new NiftiFormatException(source, "truncated: header extension at byte " + at + " runs past the end of the file");
            }
            byte[] content = new byte[esize - 8];
            b.get((int) at + 8, content);
            list.add(new NiftiExtension(ecode, content));
            at += esize;
        }
        return list;
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
