package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Means of large float32 tensors that keep float32 accuracy: the elements are viewed as a tensor whose axes are
 * each at most {@value #MAX_STAGE} long ({@link #layout(long)}) and reduced one axis at a time.
 *
 * <p>Why: ND4J 1.0.0-M2.1 reduces a float32 tensor in one accumulation, whose error grows with the number of
 * elements: the mean of 2¹⁹ values came out up to 1e-5 (relative) off, which made our GroupNorm 40× less accurate
 * than PyTorch's and failed the reference tolerances. Stages of at most 64 elements gave about 1e-7 on the same
 * data (two stages of 512 still gave 5e-7), for a cost dominated by the first stage, which reads the tensor once
 * as the single reduction did. The mean of equal-sized partial means is the mean, so the result is exact in exact
 * arithmetic. No stage reduces an axis of size 1: ND4J's legacy reduction of a size-1 axis of a vector-shaped
 * array takes a short cut that fails inside SameDiff (NullPointerException in {@code BaseReduceOp.noOp}).
 */
public final class StagedMean {

    /** The longest axis a stage reduces, unless a larger prime factor leaves no choice. */
    public static final int MAX_STAGE = 64;

    private StagedMean() {
    }

    /**
     * A shape for {@code n} elements whose axes multiply to n, each a divisor ≤ {@value #MAX_STAGE} except possibly
     * the first (a remaining factor with no such divisor); {@code {n}} when n ≤ {@value #MAX_STAGE}. Never contains a
     * 1 unless n = 1.
     */
    public static long[] layout(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("element count must be positive, got " + n);
        }
        java.util.ArrayDeque<Long> axes = new java.util.ArrayDeque<>();
        long rest = n;
        while (rest > MAX_STAGE) {
            long divisor = largestDivisorUpTo(rest, MAX_STAGE);
            if (divisor == 1) {
                break;
            }
            axes.addFirst(divisor);
            rest /= divisor;
        }
        axes.addFirst(rest);
        return axes.stream().mapToLong(Long::longValue).toArray();
    }

    private static long largestDivisorUpTo(long n, long limit) {
        for (long d = limit; d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
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

    /**
     * The means of the consecutive rows of {@code rowLength} elements of {@code x} (C order), as a vector {@code [R]}
     * with R = elements / rowLength (R may be unknown when the graph is built, e.g. a dynamic batch).
     */
    public static SDVariable rows(SDVariable x, long rowLength) {
        SameDiff sd = x.getSameDiff();
        if (rowLength == 1) {
            return sd.reshape(x, -1);
        }
        long[] layout = layout(rowLength);
        long[] shape = new long[1 + layout.length];
        shape[0] = -1;
        System.arraycopy(layout, 0, shape, 1, layout.length);
        return sd.reshape(trailing(sd.reshape(x, shape), 1, shape.length), -1);
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
