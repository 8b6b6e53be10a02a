package org.gvsl.eval.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The percentile bootstrap confidence interval of a mean (Efron and Tibshirani, "An Introduction to the Bootstrap",
 * 1993, §13.3). From {@code n} values, {@code B} resamples of {@code n} values each are drawn uniformly with
 * replacement; their means {@code m_1..m_B} give the interval
 * {@code [Q_{(1−level)/2}(m), Q_{(1+level)/2}(m)]}, with {@code Q} the quantile interpolated linearly between order
 * statistics (commons-math3 {@link EstimationType#R_7}, numpy's default). For 95%: the 2.5th and 97.5th percentiles.
 *
 * <p>Seeded and reproducible: every interval draws from a new commons-math3 {@link Well19937c} generator seeded
 * with {@link #seed}, index {@code rng.nextInt(n)} per draw, so the same values give the same interval whatever
 * else was computed before. One value, or {@code n} equal values, gives {@code [x, x]} (up to the rounding of the sums).
 *
 * @param resamples B, the number of resamples (≥ 1; the default 10 000 puts the bounds' Monte-Carlo error well
 *                  below their sampling error)
 * @param level     the confidence level, in (0, 1)
 * @param seed      the generator's seed
 */
public record PercentileBootstrap(int resamples, double level, long seed) {

    /** 10 000 resamples, 95%, seed 0: what {@code gvsl evaluate} uses. */
    public static final PercentileBootstrap DEFAULT = new PercentileBootstrap(10_000, 0.95, 0);

    /** The generator's name, as written into reports. */
    public static final String GENERATOR = "Well19937c";

    /** Validates the number of resamples and the level. */
    public PercentileBootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap needs at least 1 resample, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
        }
    }

    /**
     * The percentile bootstrap interval of the mean of {@code values}.
     *
     * @param values at least one finite value
     * @throws IllegalArgumentException when there is no value or one is not finite
     */
    public ConfidenceInterval meanInterval(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the bootstrap needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; the bootstrap of a mean "
                        + "needs finite values");
            }
        }
        RandomGenerator random = new Well19937c(seed);
        int n = values.length;
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(means);
        double tail = (1 - level) / 2;
        return new ConfidenceInterval(quantile.evaluate(100 * tail), quantile.evaluate(100 * (1 - tail)), level);
    }
}
