package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform with anisotropic spacing: for every voxel, the distance in mm between its
 * centre and the centre of the nearest feature voxel,
 * {@code D(x) = min_{f ∈ F} sqrt(Σ_a (s_a·(x_a − f_a))²)} over the axes {@code a = D, H, W} with spacing {@code s_a}
 * in mm; {@code +∞} everywhere when there is no feature voxel.
 *
 * <p>Algorithm: the squared distance is separable, {@code D² = min over f_D of (s_D·Δ_D)² + min over f_H of
 * (s_H·Δ_H)² + min over f_W of (s_W·Δ_W)²}, so it is computed by three 1-D passes (along W, then H, then D), each
 * the lower envelope of parabolas of Felzenszwalb and Huttenlocher ("Distance transforms of sampled functions",
 * Theory of Computing 8, 2012): {@code f'(q) = min_p (s·(q − p))² + f(p)}, in time linear in the line's length.
 * The whole transform is {@code O(D·H·W)} time and one {@code double} array. The same result as
 * {@code scipy.ndimage.distance_transform_edt(~features, sampling=spacing)}.
 */
public final class EuclideanDistanceTransform {

    private EuclideanDistanceTransform() {
    }

    /**
     * Distances in mm to the nearest feature voxel.
     *
     * @param features   one flag per voxel (C order over {@code shape}), true on the feature voxels
     * @param shape      {@code [D, H, W]}
     * @param spacingDhw voxel size along D, H, W in mm, each finite and positive
     * @return a new array, one distance per voxel (0 on the features; {@code +∞} everywhere when there are none)
     * @throws IllegalArgumentException on a length that is not the shape's voxel count, or a bad spacing
     */
    public static double[] of(boolean[] features, VolumeShape shape, double[] spacingDhw) {
        MaskSurface.requireLength(features, shape, "features");
        requireSpacing(spacingDhw);
        double[] f = new double[features.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = features[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        int depth = shape.depth();
        int height = shape.height();
        int width = shape.width();
        int plane = height * width;
        Envelope envelope = new Envelope(Math.max(depth, Math.max(height, width)));
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                envelope.transform(f, d * plane + h * width, 1, width, spacingDhw[2]);
            }
        }
        for (int d = 0; d < depth; d++) {
            for (int w = 0; w < width; w++) {
                envelope.transform(f, d * plane + w, width, height, spacingDhw[1]);
            }
        }
        for (int i = 0; i < plane; i++) {
            envelope.transform(f, i, plane, depth, spacingDhw[0]);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.sqrt(f[i]);
        }
        return f;
    }

    static void requireSpacing(double[] spacingDhw) {
        if (spacingDhw.length != 3) {
            throw new IllegalArgumentException("spacing needs 3 values (D, H, W), got " + Arrays.toString(spacingDhw));
        }
        for (double s : spacingDhw) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("spacing must be finite and positive, got "
                        + Arrays.toString(spacingDhw));
            }
        }
    }

    /** The 1-D squared transform of one line at a time, with its work arrays reused across lines. */
    private static final class Envelope {
        /** The line's input values. */
        private final double[] values;
        /** Positions (indices along the line) of the parabolas of the lower envelope, left to right. */
        private final int[] vertex;
        /** {@code boundary[j]}: where parabola {@code j} starts to be the lowest, in mm along the line. */
        private final double[] boundary;

        Envelope(int maxLength) {
            values = new double[maxLength];
            vertex = new int[maxLength];
            boundary = new double[maxLength];
        }

        /**
         * Replaces the line {@code f[start + q·stride]}, {@code q = 0..n−1}, by {@code min_p (s·(q − p))² + f(p)}
         * over the finite {@code f(p)}; a line without any finite value stays {@code +∞}.
         */
        void transform(double[] f, int start, int stride, int n, double spacing) {
            for (int q = 0; q < n; q++) {
                values[q] = f[start + q * stride];
            }
            int last = -1;
            for (int q = 0; q < n; q++) {
                double fq = values[q];
                if (fq == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double xq = q * spacing;
                double intersection = Double.NEGATIVE_INFINITY;
                // Pop the parabolas that the new one lies below from their start on; the first one's start is −∞,
                // so it is never popped by a finite intersection.
                while (last >= 0) {
                    int p = vertex[last];
                    double xp = p * spacing;
                    intersection = ((fq + xq * xq) - (values[p] + xp * xp)) / (2 * (xq - xp));
                    if (intersection > boundary[last]) {
                        break;
                    }
                    last--;
                }
                last++;
                vertex[last] = q;
                boundary[last] = last == 0 ? Double.NEGATIVE_INFINITY : intersection;
            }
            if (last < 0) {
                return;
            }
            int j = 0;
            for (int q = 0; q < n; q++) {
                double x = q * spacing;
                while (j < last && boundary[j + 1] < x) {
                    j++;
                }
                int p = vertex[j];
                double dx = (q - p) * spacing;
                f[start + q * stride] = dx * dx + values[p];
            }
        }
    }
}
