/**
 * Surfaces of binary masks and the distances between them, in millimetres, for the surface metrics
 * ({@link org.gvsl.eval.metrics.Hd95}, {@link org.gvsl.eval.metrics.AverageSurfaceDistance}): the 6-neighbour
 * surface of a mask ({@link MaskSurface}), an exact Euclidean distance transform with anisotropic spacing in linear
 * time ({@link EuclideanDistanceTransform}), and the directed surface-to-surface distances of a pair of masks
 * ({@link SurfaceDistances}). Masks are {@code boolean} arrays in C order over {@code [D, H, W]}; spacing is
 * {@code (D, H, W)} in mm.
 */
package org.gvsl.eval.surface;
