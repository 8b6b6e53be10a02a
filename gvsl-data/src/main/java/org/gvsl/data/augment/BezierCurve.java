package org.gvsl.data.augment;

import java.util.Arrays;

/**
 * The Bézier intensity map of Models Genesis and GVSL, sampled and looked up exactly as the reference does.
 *
 * <p>For control points {@code P_0..P_n} (GVSL: {@code (0,0), (x1,y1), (x2,y2), (1,1)}) and {@code t_k =
 * linspace(0, 1, samples)}, the curve samples are {@code xs_k = Σ_i x_i·C(n,i)·t_k^(n−i)·(1−t_k)^i} and
 * {@code ys_k} alike: note the index-reversed Bernstein terms, so {@code t = 0} is the last control point. Both
 * lists are sorted ascending (GVSL: the map is increasing); the Models Genesis "inverted" variant sorts
 * {@code xs} only, which pairs ascending {@code xs} with {@code ys} in curve order, i.e. a decreasing map.
 *
 * <p>{@link #map(double)} is {@code np.interp(x, xs, ys)}: {@code ys_0} for {@code x ≤ xs_0}, {@code ys_last} for
 * {@code x ≥ xs_last}, else linear between the samples {@code j, j+1} with {@code j} the last index where
 * {@code xs_j ≤ x} ({@code ys_j} exactly when {@code xs_j = x}). Lookups are exact; a bucket table over the
 * {@code x} range only narrows the binary search.
 */
public final class BezierCurve {

    /** The reference's number of curve samples ({@code nTimes}). */
    public static final int REFERENCE_SAMPLES = 100_000;
    private static final int BUCKETS = 1 << 16;

    private final double[] xs;
    private final double[] ys;
    private final int[] bucketStart;
    private final double bucketScale;

    /**
     * A curve through {@code controlPoints} (each {@code {x, y}}, at least 2).
     *
     * @param samples number of curve samples, at least 2 (the reference uses {@value #REFERENCE_SAMPLES})
     * @param sortY   true for the increasing map (both lists sorted); false for the Models Genesis inverted variant
     */
    public BezierCurve(double[][] controlPoints, int samples, boolean sortY) {
        if (controlPoints.length < 2) {
            throw new IllegalArgumentException("a Bezier curve needs at least 2 control points, got " + controlPoints.length);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("a Bezier curve needs at least 2 samples, got " + samples);
        }
        int n = controlPoints.length - 1;
        double[] comb = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            if (controlPoints[i].length != 2 || !Double.isFinite(controlPoints[i][0]) || !Double.isFinite(controlPoints[i][1])) {
                throw new IllegalArgumentException("control point " + i + " must be 2 finite numbers {x, y}, got "
                        + Arrays.toString(controlPoints[i]));
            }
            comb[i] = binomial(n, i);
        }
        xs = new double[samples];
        ys = new double[samples];
        double step = 1.0 / (samples - 1); // numpy linspace: k·step, the last one exactly 1
        for (int k = 0; k < samples; k++) {
            double t = k == samples - 1 ? 1.0 : k * step;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i <= n; i++) {
                double basis = comb[i] * Math.pow(t, n - i) * Math.pow(1 - t, i);
                sx += controlPoints[i][0] * basis;
                sy += controlPoints[i][1] * basis;
            }
            xs[k] = sx;
            ys[k] = sy;
        }
        Arrays.sort(xs);
        if (sortY) {
            Arrays.sort(ys);
        }
        double span = xs[samples - 1] - xs[0];
        bucketScale = span > 0 ? BUCKETS / span : 0;
        bucketStart = new int[BUCKETS + 1];
        int j = 0;
        for (int b = 0; b <= BUCKETS; b++) {
            double lower = xs[0] + b / bucketScale;
            while (j + 1 < samples && xs[j + 1] <= lower) {
                j++;
            }
            bucketStart[b] = j;
        }
    }

    /** GVSL's curve: control points {@code (0,0), (x1,y1), (x2,y2), (1,1)}, 100,000 samples, increasing. */
    public static BezierCurve gvsl(double x1, double y1, double x2, double y2) {
        return new BezierCurve(new double[][] {{0, 0}, {x1, y1}, {x2, y2}, {1, 1}}, REFERENCE_SAMPLES, true);
    }

    /** {@code np.interp(x, xs, ys)}; NaN maps to NaN. */
    public double map(double x) {
        int last = xs.length - 1;
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= xs[0]) {
            return x < xs[0] ? ys[0] : ys[lastIndexAtMost(x, 0, last)];
        }
        if (x >= xs[last]) {
            return ys[last];
        }
        int b = (int) ((x - xs[0]) * bucketScale);
        b = Math.min(Math.max(b, 0), BUCKETS - 1);
        int j = lastIndexAtMost(x, bucketStart[b], Math.min(bucketStart[b + 1] + 1, last));
        // The bucket index is computed in floating point: step to the exact j if it landed one bucket off.
        while (j + 1 <= last && xs[j + 1] <= x) {
            j++;
        }
        while (j > 0 && xs[j] > x) {
            j--;
        }
        if (xs[j] == x) {
            return ys[j];
        }
        double slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
        return slope * (x - xs[j]) + ys[j];
    }

    /** The sorted curve abscissae (a copy). */
    public double[] xs() {
        return xs.clone();
    }

    /** The curve ordinates paired with {@link #xs()} (a copy). */
    public double[] ys() {
        return ys.clone();
    }

    /** The last index in {@code [lo, hi]} with {@code xs[j] ≤ x}, or {@code lo} if there is none. */
    private int lastIndexAtMost(double x, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
