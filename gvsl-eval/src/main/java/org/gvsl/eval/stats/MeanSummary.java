package org.gvsl.eval.stats;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;

/**
 * Mean, standard deviation and bootstrap confidence interval of a metric's values, with the values that could not
 * enter them counted.
 *
 * <p>How NaN and infinity enter: they do not. An undefined value (NaN: e.g. a class absent from both maps) says
 * nothing about the method and is left out, as spec §7 leaves undefined Dice out of means; an infinite value (HD95
 * or ASD of a class missing from exactly one map) would make the mean infinite and hide every other case, so it is
 * left out too, and counted in {@link #infinite}: a method that misses structures shows it there (and in Dice,
 * which is 0 for them and enters the mean). The statistics are over the {@link #n} finite values:
 * the mean, the sample standard deviation {@code sqrt(Σ(x − x̄)² / (n − 1))} (commons-math3; NaN for fewer than
 * two values) and the {@link PercentileBootstrap} interval of the mean; all NaN when {@code n = 0}.
 *
 * @param n                 the number of finite values the statistics are computed from
 * @param mean              their mean
 * @param standardDeviation their sample standard deviation ({@code n − 1} in the denominator)
 * @param interval          the bootstrap confidence interval of the mean
 * @param undefined         the number of NaN values left out
 * @param infinite          the number of infinite values left out
 */
public record MeanSummary(int n, double mean, double standardDeviation, ConfidenceInterval interval, int undefined,
                          int infinite) {

    /**
     * The summary of {@code values}.
     *
     * @param values    any values; NaN and infinite ones are counted and left out
     * @param bootstrap how to compute the confidence interval
     */
    public static MeanSummary of(double[] values, PercentileBootstrap bootstrap) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int undefined = (int) Arrays.stream(values).filter(Double::isNaN).count();
        int infinite = values.length - finite.length - undefined;
        if (finite.length == 0) {
            return new MeanSummary(0, Double.NaN, Double.NaN, ConfidenceInterval.undefined(bootstrap.level()),
                    undefined, infinite);
        }
        double sd = finite.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(finite);
        return new MeanSummary(finite.length, new Mean().evaluate(finite), sd, bootstrap.meanInterval(finite),
                undefined, infinite);
    }
}
