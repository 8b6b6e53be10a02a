package org.gvsl.model.inference;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How {@link SlidingWindowInference} weighs the voxels of a window when overlapping windows are averaged.
 */
public enum WindowWeighting {
    /**
     * Every voxel of every window weighs 1: overlapping predictions are averaged with equal weights. With overlap
     * 0.5 this is the reference's "summed probabilities" (the average has the same argmax as the sum).
     */
    CONSTANT,
    /**
     * A separable Gaussian centred in the window, as MONAI's {@code compute_importance_map(mode="gaussian",
     * sigma_scale=0.125)}: along an axis of window size w, {@code g(i) = exp(−(i − (w−1)/2)² / (2σ²))} with
     * {@code σ = w/8}; the weight of voxel (i, j, l) is {@code g_D(i)·g_H(j)·g_W(l)}, raised to at least
     * {@value #GAUSSIAN_FLOOR} (MONAI's floor, so that a voxel that only a window's corner covers still counts).
     * Predictions near a window's border, where the network sees the least context, count less. (nnU-Net uses the
     * same σ but centres at {@code w/2}, half a voxel off for even w.)
     */
    GAUSSIAN;

    /** The σ of {@link #GAUSSIAN} as a fraction of the window size. */
    public static final double SIGMA_SCALE = 0.125;
    /** The smallest weight of {@link #GAUSSIAN}. */
    public static final double GAUSSIAN_FLOOR = 1e-3;

    /** The weights of one window, {@code [wD, wH, wW]} float32. */
    public INDArray weights(SpatialSize window) {
        if (this == CONSTANT) {
            return Nd4j.ones(DataType.FLOAT, window.d(), window.h(), window.w());
        }
        double[] d = gaussian(window.d());
        double[] h = gaussian(window.h());
        double[] w = gaussian(window.w());
        float[] values = new float[Math.toIntExact(window.voxels())];
        int i = 0;
        for (double gd : d) {
            for (double gh : h) {
                for (double gw : w) {
                    values[i++] = (float) Math.max(gd * gh * gw, GAUSSIAN_FLOOR);
                }
            }
        }
        return Nd4j.create(values, new long[] {window.d(), window.h(), window.w()}, 'c');
    }

    /** {@code g(i)}, i = 0..size−1, of an axis of the window. */
    static double[] gaussian(int size) {
        double sigma = SIGMA_SCALE * size;
        double centre = (size - 1) / 2.0;
        double[] g = new double[size];
        for (int i = 0; i < size; i++) {
            double x = i - centre;
            g[i] = Math.exp(-x * x / (2 * sigma * sigma));
        }
        return g;
    }
}
