package org.gvsl.reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * An elementwise tolerance {@code |actual − expected| ≤ atol + rtol·|expected|} (numpy {@code allclose}).
 *
 * @param atol absolute part, in the units of the compared values
 * @param rtol relative part
 */
public record Tolerance(double atol, double rtol) {

    /**
     * The form the reference cases give their float64 outputs ({@code atol_rel_to_max} in the manifest):
     * {@code atol = atolRelToMax·max(1, max|expected|)}.
     */
    public static Tolerance relativeToMax(double atolRelToMax, double rtol, INDArray expected) {
        double maxAbs = expected.length() == 0 ? 0 : expected.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
        return new Tolerance(atolRelToMax * Math.max(1.0, maxAbs), rtol);
    }

    public Tolerance {
        if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got atol=" + atol
                    + ", rtol=" + rtol);
        }
    }

    /**
     * Compares two arrays of the same shape in double precision, element by element. As in numpy's {@code
     * allclose(equal_nan=True)}: a NaN is equal only to a NaN (the reference cases use NaN for undefined values)
     * and an infinity only to the same infinity; any other non-finite actual or expected value fails, with an
     * infinite error.
     *
     * @throws IllegalArgumentException if the shapes differ (both are named in the message)
     */
    public Comparison compare(INDArray actual, INDArray expected) {
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            throw new IllegalArgumentException("shape mismatch: actual " + Arrays.toString(actual.shape())
                    + " vs expected " + Arrays.toString(expected.shape()));
        }
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] e = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double maxErr = 0;
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(a[i]) || Double.isInfinite(e[i]) && a[i] == e[i]) {
                continue;
            }
            double err = Math.abs(a[i] - e[i]);
            if (!Double.isFinite(err)) {
                return new Comparison(Double.POSITIVE_INFINITY, atol, Double.POSITIVE_INFINITY);
            }
            maxErr = Math.max(maxErr, err);
            double allowed = atol + rtol * Math.abs(e[i]);
            worst = Math.max(worst, err == 0 ? 0 : err / allowed);
        }
        return new Comparison(maxErr, atol, worst);
    }

    /**
     * The result of one comparison.
     *
     * @param maxError        largest absolute difference
     * @param atol            the absolute tolerance it was held to
     * @param fractionOfTolerance largest {@code |a−e| / (atol + rtol·|e|)}; at most 1 when it passes
     */
    public record Comparison(double maxError, double atol, double fractionOfTolerance) {
        public boolean passed() {
            return fractionOfTolerance <= 1.0;
        }
    }
}
