package org.gvsl.eval.metrics;

/**
 * Specificity (true-negative rate) of one class: {@code TN / (TN + FP)}, the fraction of the voxels outside the
 * true class that were not predicted as it.
 *
 * <p>Degenerate cases: a class absent from both prediction and truth is undefined (NaN) like every other metric of
 * it, although the formula would give 1, so that cases without the class do not lift its mean; when the truth fills
 * the whole volume ({@code TN + FP = 0}) it is undefined too. A class predicted but absent from the truth has a
 * defined specificity below 1; a class in the truth but not predicted has specificity 1.
 */
public final class Specificity {

    private Specificity() {
    }

    /** Specificity from the counts of one class; NaN when the class is absent from both, or {@code TN + FP = 0}. */
    public static double of(ConfusionCounts c) {
        long negatives = c.trueNegatives() + c.falsePositives();
        return c.absentFromBoth() || negatives == 0 ? Double.NaN : (double) c.trueNegatives() / negatives;
    }
}
