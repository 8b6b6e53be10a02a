package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;

/**
 * A volume read from a NIfTI file.
 *
 * @param header            the file's header
 * @param volume            the chosen 3-D volume, {@code [D, H, W] = (k, j, i)}, scaled by {@code scl_slope/scl_inter}
 * @param volumeIndex       which 3-D volume of a 4-D/5-D file it is (0 for a 3-D file)
 * @param replacedNonFinite NaN/infinite voxels replaced by 0 ({@link NonFiniteVoxels#REPLACE_WITH_ZERO}), else 0
 */
public record NiftiImage(NiftiHeader header, Volume volume, long volumeIndex, long replacedNonFinite) {
}
