package org.gvsl.eval.metrics;

import java.util.Arrays;

/**
 * Dice overlap of a predicted and a true label volume, per foreground class:
 * {@code Dice_k = 2·|P_k ∩ G_k| / (|P_k| + |G_k|) = 2·TP / (2·TP + FP + FN)}, k = 1..K (0 is background), over the
 * voxels of one case. A class absent from both prediction and truth is undefined: NaN, left out of
 * {@link #meanOverClasses}. A class absent from exactly one of them has Dice 0.
 */
public final class Dice {

    private Dice() {
    }

    /**
     * Dice of classes 1..K.
     *
     * @param prediction predicted labels, one per voxel (any layout, the same as {@code truth})
     * @param truth      true labels
     * @param classes    K, the number of foreground classes; labels must lie in [0, K]
     * @return {@code K} values, index k−1 for class k
     * @throws IllegalArgumentException on different lengths or a label outside [0, K]
     */
    public static double[] perClass(int[] prediction, int[] truth, int classes) {
        return Arrays.stream(ConfusionCounts.perClass(prediction, truth, classes)).mapToDouble(Dice::of).toArray();
    }

    /** Dice of one class from its counts; NaN when the class is absent from both prediction and truth. */
    public static double of(ConfusionCounts c) {
        long denominator = c.predicted() + c.actual();
        return denominator == 0 ? Double.NaN : 2.0 * c.truePositives() / denominator;
    }

    /** The mean of the defined (non-NaN) values; NaN when none is defined. */
    public static double meanOverClasses(double[] perClass) {
        return Arrays.stream(perClass).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
}
