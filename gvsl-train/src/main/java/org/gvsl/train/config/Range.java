package org.gvsl.train.config;

import java.math.BigDecimal;

/**
 * The numbers an option accepts: a lower and an upper bound, each inclusive or exclusive (infinite for none).
 * A bounded floating-point value must also be finite. Stated in help as e.g. {@code ≥ 1}, {@code > 0} or
 * {@code in [0, 1)}, and in messages as {@code steps must be ≥ 1, got -5}.
 *
 * @param min          the lower bound ({@code -∞} for none)
 * @param minInclusive whether the lower bound itself is accepted
 * @param max          the upper bound ({@code +∞} for none)
 * @param maxInclusive whether the upper bound itself is accepted
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || !(min < max)) {
            throw new IllegalArgumentException("a range needs min < max, got " + min + ", " + max);
        }
    }

    /** {@code ≥ min}. */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code > min}. */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code min ≤ x < max}. */
    public static Range from(double min, double maxExclusive) {
        return new Range(min, true, maxExclusive, false);
    }

    /** {@code min ≤ x ≤ max}. */
    public static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** Whether the range holds {@code value} (never a NaN or an infinity). */
    public boolean contains(Number value) {
        double x = value.doubleValue();
        return Double.isFinite(x) && (minInclusive ? x >= min : x > min) && (maxInclusive ? x <= max : x < max);
    }

    /** e.g. {@code ≥ 1}, {@code > 0}, {@code in [0, 1)}. */
    @Override
    public String toString() {
        if (max == Double.POSITIVE_INFINITY) {
            return (minInclusive ? "≥ " : "> ") + number(min);
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return (maxInclusive ? "≤ " : "< ") + number(max);
        }
        return "in " + (minInclusive ? "[" : "(") + number(min) + ", " + number(max) + (maxInclusive ? "]" : ")");
    }

    private static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
