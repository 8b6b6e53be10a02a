/**
 * NIfTI-1 and NIfTI-2 files ({@code .nii}, {@code .nii.gz}) in and out: a strict {@link
 * org.gvsl.data.nifti.NiftiReader}, a {@link org.gvsl.data.nifti.NiftiWriter} that never leaves a half-written
 * file, the {@link org.gvsl.data.nifti.NiftiHeader} (its byte layout is the table {@code NiftiField}, its qform
 * maths {@code NiftiQform}) and the {@link org.gvsl.data.nifti.NiftiDataType}s.
 *
 * <p>Array order: a file's voxel {@code (i, j, k)} becomes {@code (d, h, w) = (k, j, i)} of a {@link
 * org.gvsl.data.volume.Volume}; since {@code i} is the file's fastest axis, the file's voxel order already is the
 * volume's C order and nothing is transposed. The geometry comes from the sform (if {@code sform_code > 0}), else
 * the qform (if {@code qform_code > 0}), as nibabel chooses, else {@code diag(pixdim)} with origin 0 (NIfTI's
 * "method 1"; nibabel's fallback instead centres the grid and mirrors x).
 *
 * <p>The tests read files written by nibabel and have nibabel read files we write (see {@code make_fixtures.py}
 * in the test resources). Why no library: see the comment in this module's {@code pom.xml}.
 */
package org.gvsl.data.nifti;
