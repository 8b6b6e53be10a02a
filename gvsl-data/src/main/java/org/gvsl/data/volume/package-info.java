/**
 * Volumes in memory: a {@link org.gvsl.data.volume.Volume} is a {@code float} array in C order over
 * {@code [D, H, W]} with its {@link org.gvsl.data.volume.VolumeGeometry} (voxel spacing in mm and the
 * voxel-to-world affine), and the one {@link org.gvsl.data.volume.VoxelSampler} (trilinear or nearest, zero
 * padding, voxel coordinates) that every resampling in this module goes through.
 *
 * <p>Index convention: {@code [D, H, W] = (k, j, i)} of a NIfTI file, so {@code i} (the file's fastest axis) is
 * {@code W}, and the flat index of voxel {@code (d, h, w)} is {@code (d·H + h)·W + w}.
 */
package org.gvsl.data.volume;
