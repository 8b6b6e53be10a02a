/**
 * NIfTI-1 and NIfTI-2 files ({@code .nii}, {@code .nii.gz}) in and out: a strict {@link
 * org.gvsl.data.nifti.NiftiReader}, a {@link org.gvsl.data.nifti.NiftiWriter} that never leaves a half-written
 * file, the {@link org.gvsl.data.nifti.NiftiHeader} and its byte layout, and the {@link
 * org.gvsl.data.nifti.NiftiDataType}s.
 *
 * <p>Array order: a file's voxel {@code (i, j, k)} becomes {@code (d, h, w) = (k, j, i)} of a {@link
 * org.gvsl.data.volume.Volume}; since {@code i} is the file's fastest axis, the file's voxel order already is the
 * volume's C order and nothing is transposed. The geometry comes from the sform (if {@code sform_code > 0}), else
 * the qform (if {@code qform_code > 0}), else {@code diag(pixdim)} (NIfTI's "method 1"), as nibabel does.
 *
 * <p>Why no library: see the comment in this module's {@code pom.xml}.
 */
package org.gvsl.data.nifti;
