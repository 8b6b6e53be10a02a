package org.gvsl.data.nifti;

/** The two NIfTI header layouts. */
public enum NiftiFormat {
    /** 348-byte header, {@code int16} dims, {@code float32} geometry, magic {@code n+1\0}. */
    NIFTI_1(348, "n+1\0"),
    /** 540-byte header, {@code int64} dims, {@code float64} geometry, magic {@code n+2\0\r\n\032\n}. */
    NIFTI_2(540, "n+2\0\r\n\032\n");

    private final int headerSize;
    private final String magic;

    NiftiFormat(int headerSize, String magic) {
        this.headerSize = headerSize;
        this.magic = magic;
    }

    /** {@code sizeof_hdr}: 348 or 540. */
    public int headerSize() {
        return headerSize;
    }

    /** The magic string of a single-file ({@code .nii}) image. */
    String magic() {
        return magic;
    }

    /** The smallest voxel offset: header plus the 4-byte extension flag. */
    int minimumVoxelOffset() {
        return headerSize + 4;
    }
}
