package org.gvsl.data.nifti;

/** What {@link NiftiReader} does with NaN or infinite voxels (after scaling). */
public enum NonFiniteVoxels {
    /** Throw a {@link NiftiFormatException} that counts them and names the first one (the default). */
    REJECT,
    /** Replace each with 0 and report how many in {@link NiftiImage#replacedNonFinite()}. */
    REPLACE_WITH_ZERO
}
