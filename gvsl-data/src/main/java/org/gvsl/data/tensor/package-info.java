/**
 * Volumes as ND4J arrays for inference: an image or label map read from NIfTI or NumPy {@code .npy} into the
 * spec's layout {@code [1, 1, D, H, W]} ({@link org.gvsl.data.tensor.InputVolume}), and result arrays written as
 * float32 {@code .npy} or, on the grid of a NIfTI input, as NIfTI ({@link org.gvsl.data.tensor.TensorWriter}).
 */
package org.gvsl.data.tensor;
