package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Means of large float32 tensors that keep float32 accuracy: the elements are viewed as a matrix
 * {@code [m1, m2]} (m2 the largest divisor of the count not above its square root) and reduced one axis at a
 * time.
 *
 * <p>Why: ND4J 1.0.0-M2.1 reduces a float32 tensor in one accumulation, whose error grows with the number of
 * elements: the mean of 2¹⁹ values came out 1.4e-6 (relative) off, which made our GroupNorm 40× less accurate
 * than PyTorch's and failed the reference tolerances. Two stages of about √n elements gave 4e-8 on the same data,
 * for about twice the (small) cost of the reduction. The mean of equal-sized partial means is the mean, so the
 * result is exact in exact arithmetic. The stages never reduce an axis of size 1: ND4J's legacy reduction of a
 * size-1 axis of a vector-shaped array takes a short cut that fails inside SameDiff (NullPointerException in
 * {@code BaseReduceOp.noOp}).
 */
public final class StagedMean {

    private StagedMean() {
    }

    /**
     * The two-stage layout of {@code n} elements: {@code {m1, m2}} with {@code m1·m2 = n} and m2 the largest
     * divisor ≤ √n, or {@code {n}} when n has no such divisor above 1.
     */
    public static long[] layout(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("element count must be positive, got " + n);
        }
        for (long d = (long) Math.sqrt((double) n); d > 1; d--) {
            if (n % d == 0) {
                return new long[] {n / d, d};
            }
        }
        return new long[] {n};
    }

    /**
     * The mean over the trailing axes of {@code x}, which were shaped by {@link #layout(long)}: axes
     * {@code from .. rank−1}, reduced last first and kept as size-1 dimensions.
     */
    public static SDVariable trailing(SDVariable x, int from, int rank) {
        SDVariable m = x;
        for (int axis = rank - 1; axis >= from; axis--) {
            m = x.getSameDiff().mean(m, true, axis);
        }
        return m;
    }

    /** The mean of all {@code count} elements of {@code x}, as a scalar. */
    public static SDVariable all(SDVariable x, long count) {
        SameDiff sd = x.getSameDiff();
        long[] layout = layout(count);
        SDVariable m = sd.reshape(x, layout);
        for (int axis = layout.length - 1; axis >= 0; axis--) {
            m = sd.mean(m, false, axis);
        }
        return m;
    }
}
