package org.gvsl.eval.metrics;

/**
 * The voxel counts of one class k in one case, from which the overlap metrics are computed: with P the voxels
 * predicted k and G the voxels labelled k, {@code TP = |P ∩ G|}, {@code FP = |P \ G|}, {@code FN = |G \ P|} and
 * {@code TN} the voxels in neither.
 *
 * @param truePositives  {@code |P ∩ G|}
 * @param falsePositives {@code |P \ G|}
 * @param falseNegatives {@code |G \ P|}
 * @param trueNegatives  voxels outside {@code P ∪ G}
 */
public record ConfusionCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** Validates that no count is negative. */
    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got TP " + truePositives + ", FP " + falsePositives
                    + ", FN " + falseNegatives + ", TN " + trueNegatives);
        }
    }

    /**
     * The counts of classes 1..K in one pass.
     *
     * @param prediction predicted labels, one per voxel (any layout, the same as {@code truth})
     * @param truth      true labels
     * @param classes    K, the number of foreground classes; labels must lie in [0, K]
     * @return {@code K} counts, index k−1 for class k
     * @throws IllegalArgumentException on different lengths or a label outside [0, K]
     */
    public static ConfusionCounts[] perClass(int[] prediction, int[] truth, int classes) {
        requireSameLength(prediction, truth);
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
        ConfusionCounts[] counts = new ConfusionCounts[classes];
        for (int k = 1; k <= classes; k++) {
            counts[k - 1] = fromTotals(both[k], predicted[k], actual[k], truth.length);
        }
        return counts;
    }

    /**
     * The counts of one label (any value, also one absent from both maps).
     *
     * @param prediction predicted labels, one per voxel
     * @param truth      true labels, the same layout
     * @param label      the class k
     * @throws IllegalArgumentException on different lengths
     */
    public static ConfusionCounts ofLabel(int[] prediction, int[] truth, int label) {
        requireSameLength(prediction, truth);
        long predicted = 0;
        long actual = 0;
        long both = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean p = prediction[i] == label;
            boolean g = truth[i] == label;
            predicted += p ? 1 : 0;
            actual += g ? 1 : 0;
            both += p && g ? 1 : 0;
        }
        return fromTotals(both, predicted, actual, truth.length);
    }

    /** {@code |P| = TP + FP}, the voxels predicted k. */
    public long predicted() {
        return truePositives + falsePositives;
    }

    /** {@code |G| = TP + FN}, the voxels labelled k. */
    public long actual() {
        return truePositives + falseNegatives;
    }

    /** Whether the class is absent from both prediction and truth, which makes every metric of it undefined. */
    public boolean absentFromBoth() {
        return predicted() == 0 && actual() == 0;
    }

    private static ConfusionCounts fromTotals(long both, long predicted, long actual, long voxels) {
        return new ConfusionCounts(both, predicted - both, actual - both, voxels - predicted - actual + both);
    }

    private static void requireSameLength(int[] prediction, int[] truth) {
        if (prediction.length != truth.length) {
            throw new IllegalArgumentException("prediction has " + prediction.length + " voxels, truth "
                    + truth.length);
        }
    }

    private static int checked(int label, int classes, String what, int voxel) {
        if (label < 0 || label > classes) {
            throw new IllegalArgumentException(what + " label " + label + " at voxel " + voxel + " is outside [0, "
                    + classes + "]");
        }
        return label;
    }
}
