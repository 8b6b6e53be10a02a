package org.gvsl.eval.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The Student-t confidence interval of a mean: {@code x̄ ± t_{(1+level)/2, n−1} · s / √n}, with {@code s} the
 * sample standard deviation ({@code n − 1} in the denominator) and {@code t} the quantile of Student's t
 * distribution with {@code n − 1} degrees of freedom (commons-math3 {@link TDistribution}); for 95% and n = 3,
 * {@code t = 4.3027}.
 *
 * <p>Why beside {@link PercentileBootstrap}: for the few values of a comparison over seeds (3 to 5) the bootstrap
 * interval is far too narrow (three values have only ten distinct resample means, and its coverage of the true
 * mean is well below the nominal level), while the t interval is exact for normal values and honest about how
 * little a handful of runs says.
 *
 * @param level the confidence level, in (0, 1)
 */
public record StudentInterval(double level) {

    /** The 95% interval. */
    public static final StudentInterval DEFAULT = new StudentInterval(0.95);

    /** Validates the level. */
    public StudentInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
        }
    }

    /**
     * The interval of the mean of {@code values}: undefined (both bounds NaN) for fewer than two values, {@code [x,
     * x]} when all are equal.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public ConfidenceInterval meanInterval(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; the t interval of a mean "
                        + "needs finite values");
            }
        }
        int n = values.length;
        if (n < 2) {
            return ConfidenceInterval.undefined(level);
        }
        double mean = new Mean().evaluate(values);
        double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + level) / 2)
                * new StandardDeviation(true).evaluate(values) / Math.sqrt(n);
        return new ConfidenceInterval(mean - halfWidth, mean + halfWidth, level);
    }
}
