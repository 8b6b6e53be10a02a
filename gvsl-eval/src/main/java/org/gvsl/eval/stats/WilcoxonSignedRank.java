package org.gvsl.eval.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * The Wilcoxon signed-rank test of two methods measured on the same cases (paired), two-sided: whether the
 * differences {@code z_i = a_i − b_i} are symmetric about 0.
 *
 * <p>Zeros: pairs with {@code a_i = b_i} are dropped before ranking (Wilcoxon's original method, scipy's default
 * {@code zero_method="wilcox"}); the test is over the {@code n} remaining pairs. With no pair left the methods never
 * differ: {@code W = 0} and {@code p = 1}. Ties: equal {@code |z_i|} share their average rank. The statistic is
 * {@code W = max(W+, W−)}, with {@code W+} the rank sum of the positive differences and
 * {@code W− = n(n+1)/2 − W+}.
 *
 * <p>The p-value is exact when {@code n ≤ }{@link #MAX_EXACT_PAIRS} and there are no ties:
 * {@code p = min(1, 2·#{S : ΣS ≥ W}/2ⁿ)} over the 2ⁿ subsets S of the ranks 1..n (commons-math3's
 * {@link WilcoxonSignedRankTest} enumeration). Otherwise it is the normal approximation with continuity and tie
 * corrections, exactly as scipy's {@code wilcoxon(method="approx", correction=True)}:
 * {@code μ = n(n+1)/4}, {@code σ² = (n(n+1)(2n+1) − ½·Σ t(t²−1))/24} over the groups of t tied ranks,
 * {@code z = (W − μ − ½·sign(W − μ))/σ}, {@code p = 2·(1 − Φ(|z|))}. This approximation is computed here, not by
 * commons-math3, because commons-math3 3.6.1's has neither the tie correction nor the right continuity correction
 * (it uses {@code W_min − μ − ½}, which moves {@code z} away from 0 and makes p too small).
 */
public final class WilcoxonSignedRank {

    /**
     * Up to this many non-zero differences without ties the p-value is exact: the enumeration costs
     * {@code n·2ⁿ} steps, 2·10⁷ at 20.
     */
    public static final int MAX_EXACT_PAIRS = 20;

    private WilcoxonSignedRank() {
    }

    /**
     * The result of a test.
     *
     * @param pairs     the number of pairs given
     * @param nonZero   n, the pairs with a non-zero difference, the ones the test is over
     * @param statistic {@code W = max(W+, W−)}
     * @param pValue    the two-sided p-value
     * @param exact     whether {@code pValue} is exact (else the normal approximation)
     */
    public record Result(int pairs, int nonZero, double statistic, double pValue, boolean exact) {
    }

    /**
     * Tests paired values of two methods.
     *
     * @param a the first method's value per case
     * @param b the second method's value on the same cases, in the same order
     * @throws IllegalArgumentException on different lengths, no pair, or a value that is not finite
     */
    public static Result test(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired test needs values of the same cases: " + a.length + " and "
                    + b.length + " values");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("paired test needs at least one pair");
        }
        int n = 0;
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + i + " is (" + a[i] + ", " + b[i] + "); the test needs "
                        + "finite values (leave undefined cases out of both)");
            }
            if (a[i] != b[i]) {
                x[n] = a[i];
                y[n] = b[i];
                n++;
            }
        }
        if (n == 0) {
            return new Result(a.length, 0, 0, 1, true);
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
        double w = commons.wilcoxonSignedRank(x, y);
        double tieTerm = tieTerm(x, y);
        if (n <= MAX_EXACT_PAIRS && tieTerm == 0) {
            return new Result(a.length, n, w, Math.min(1, commons.wilcoxonSignedRankTest(x, y, true)), true);
        }
        double mu = n * (n + 1) / 4.0;
        double sigma = Math.sqrt((n * (n + 1.0) * (2 * n + 1) - 0.5 * tieTerm) / 24);
        double z = (w - mu - 0.5 * Math.signum(w - mu)) / sigma;
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        return new Result(a.length, n, w, p, false);
    }

    /** {@code Σ t(t² − 1)} over the groups of t equal absolute differences (0 when there are no ties). */
    private static double tieTerm(double[] x, double[] y) {
        double[] magnitude = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            magnitude[i] = Math.abs(x[i] - y[i]);
        }
        Arrays.sort(magnitude);
        double sum = 0;
        for (int start = 0; start < magnitude.length; ) {
            int end = start;
            while (end + 1 < magnitude.length && magnitude[end + 1] == magnitude[start]) {
                end++;
            }
            double t = end - start + 1;
            sum += t * (t * t - 1);
            start = end + 1;
        }
        return sum;
    }
}
