package org.gvsl.eval.stats;

/**
 * A confidence interval {@code [lower, upper]} at a confidence level (0.95 for a 95% interval); both bounds NaN
 * when there was no value to compute it from.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level, in (0, 1)
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    /** Validates that {@code lower ≤ upper} (unless NaN) and that the level lies in (0, 1). */
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above the upper bound " + upper);
        }
    }

    /** The interval of no data: both bounds NaN. */
    public static ConfidenceInterval undefined(double level) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level);
    }
}
