package org.gvsl.eval.metrics;

import java.util.Arrays;

/**
 * Dice overlap of a predicted and a true label volume, per foreground class:
 * {@code Dice_k = 2·|P_k ∩ G_k| / (|P_k| + |G_k|)}, k = 1..K (0 is background), over the voxels of one case.
 * A class absent from both prediction and truth is undefined: NaN, left out of {@link #meanOverClasses}.
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
        if (prediction.length != truth.length) {
            throw new IllegalArgumentException("prediction has " + prediction.length + " voxels, truth "
                    + truth.length);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one foreground class, got " + classes);
        }
        long[] predicted = new long[classes + 1];
        long[] actual = new long[classes + 1];
        long[] both = new long[classes + 1];
        for (int i = 0; i < truth.length; i++) {
            int p = checked(prediction[i], classes, "prediction", i);
            int g = checked(truth[i], classes, "truth", i);
            predicted[p]++;
            actual[g]++;
            if (p == g) {
                both[p]++;
            }
        }
        double[] dice = new double[classes];
        for (int k = 1; k <= classes; k++) {
            long denominator = predicted[k] + actual[k];
            dice[k - 1] = denominator == 0 ? Double.NaN : 2.0 * both[k] / denominator;
        }
        return dice;
    }

    /** The mean of the defined (non-NaN) values; NaN when none is defined. */
    public static double meanOverClasses(double[] perClass) {
        return Arrays.stream(perClass).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    private static int checked(int label, int classes, String what, int voxel) {
        if (label < 0 || label > classes) {
            throw new IllegalArgumentException(what + " label " + label + " at voxel " + voxel + " is outside [0, "
                    + classes + "]");
        }
        return label;
    }
}
