package org.gvsl.data.augment;

import org.gvsl.data.volume.VolumeShape;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Separable Gaussian smoothing of a {@code [D, H, W]} array with zero padding, as the reference's elastic field.
 *
 * <p>Kernel: {@code k_j = exp(−j²/(2σ²)) / Σ_j' exp(−j'²/(2σ²))} for {@code j ∈ [−r, r]}, {@code r =
 * int(4σ + 0.5)} voxels; the full kernel is normalised to sum 1 (the reference's {@code _gaussian_kernel1d}).
 * The array is convolved along D, then H, then W; taps that fall outside the volume read 0, so values near the
 * border shrink (as {@code conv3d(padding=r)}). Every output value is the full sum over its taps (no
 * approximation), accumulated in {@code float} in a fixed order; the work is split over D planes on the common
 * fork-join pool, and the result does not depend on the split.
 */
public final class GaussianSmoothing {

    private final double sigma;
    private final float[] kernel;

    /** @param sigma standard deviation in voxels, finite and positive */
    public GaussianSmoothing(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be finite and positive, got " + sigma);
        }
        this.sigma = sigma;
        int radius = (int) (4 * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            k[j + radius] = Math.exp(-0.5 / (sigma * sigma) * j * j);
            sum += k[j + radius];
        }
        kernel = new float[k.length];
        for (int j = 0; j < k.length; j++) {
            kernel[j] = (float) (k[j] / sum);
        }
    }

    /** {@code r = int(4σ + 0.5)}. */
    public int radius() {
        return kernel.length / 2;
    }

    /** The normalised kernel {@code k_{−r}..k_r} (a copy). */
    public float[] kernel() {
        return kernel.clone();
    }

    /** The smoothed array (new); {@code data} (C order over {@code shape}) is not modified. */
    public float[] apply(float[] data, VolumeShape shape) {
        if (data.length != shape.voxelCount()) {
            throw new IllegalArgumentException("array of " + data.length + " values does not match shape " + shape);
        }
        float[] alongD = new float[data.length];
        float[] alongH = new float[data.length];
        smoothD(data, alongD, shape);
        smoothH(alongD, alongH, shape);
        Arrays.fill(alongD, 0f);
        smoothW(alongH, alongD, shape);
        return alongD;
    }

    private void smoothD(float[] in, float[] out, VolumeShape s) {
        int plane = s.height() * s.width();
        int depth = s.depth();
        IntStream.range(0, depth).parallel().forEach(d ->
                convolve(in, d * plane, plane, Math.max(-radius(), -d), Math.min(radius(), depth - 1 - d), out, d * plane, plane));
    }

    private void smoothH(float[] in, float[] out, VolumeShape s) {
        int width = s.width();
        int height = s.height();
        IntStream.range(0, s.depth()).parallel().forEach(d -> {
            for (int h = 0; h < height; h++) {
                int row = (d * height + h) * width;
                convolve(in, row, width, Math.max(-radius(), -h), Math.min(radius(), height - 1 - h), out, row, width);
            }
        });
    }

    private void smoothW(float[] in, float[] out, VolumeShape s) {
        int r = radius();
        int width = s.width();
        IntStream.range(0, s.depth()).parallel().forEach(d -> {
            // A zero-padded copy of each row makes every tap valid for every x (the zero padding of the class comment).
            float[] padded = new float[width + 2 * r];
            for (int h = 0; h < s.height(); h++) {
                int row = (d * s.height() + h) * width;
                System.arraycopy(in, row, padded, r, width);
                convolve(padded, r, 1, -r, r, out, row, width);
            }
        });
    }

    /**
     * {@code out[outAt + i] += Σ_{j = jFrom..jTo} k_j · in[inAt + j·stride + i]} for {@code i < n}, taps in ascending
     * order, four taps per sweep over {@code out} (fewer loads and stores of {@code out} than one tap per sweep).
     */
    private void convolve(float[] in, int inAt, int stride, int jFrom, int jTo, float[] out, int outAt, int n) {
        int r = radius();
        int j = jFrom;
        for (; j + 3 <= jTo; j += 4) {
            float k0 = kernel[j + r];
            float k1 = kernel[j + 1 + r];
            float k2 = kernel[j + 2 + r];
            float k3 = kernel[j + 3 + r];
            int a0 = inAt + j * stride;
            int a1 = a0 + stride;
            int a2 = a1 + stride;
            int a3 = a2 + stride;
            for (int i = 0; i < n; i++) {
                out[outAt + i] += k0 * in[a0 + i] + k1 * in[a1 + i] + k2 * in[a2 + i] + k3 * in[a3 + i];
            }
        }
        for (; j <= jTo; j++) {
            float k = kernel[j + r];
            int a = inAt + j * stride;
            for (int i = 0; i < n; i++) {
                out[outAt + i] += k * in[a + i];
            }
        }
    }

    @Override
    public String toString() {
        return "GaussianSmoothing[sigma=" + sigma + ", radius=" + radius() + "]";
    }
}
