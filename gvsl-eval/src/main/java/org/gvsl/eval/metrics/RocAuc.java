package org.gvsl.eval.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve by the Mann–Whitney statistic:
 * {@code AUC = (#{s_pos > s_neg} + ½·#{s_pos = s_neg}) / (n_pos·n_neg)} over all positive–negative pairs,
 * computed from mid-ranks in O(n log n). 1 for perfect separation, 0 for inverted, ½ when every score ties.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param scores one finite score per sample (higher = more likely positive)
     * @param labels 0 or 1 per sample
     * @throws IllegalArgumentException when only one class is present (the AUC is undefined), on a label other
     *                                  than 0/1, a non-finite score, or different lengths
     */
    public static double of(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        long positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + labels[i] + " at " + i + " is not 0 or 1");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + scores[i] + " at " + i + " is not finite");
            }
            positives += labels[i];
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC-AUC is undefined with only one class present (" + positives
                    + " positives, " + negatives + " negatives)");
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1; // ranks are 1-based; ties share their mean rank
            for (int i = start; i <= end; i++) {
                positiveRankSum += labels[order[i]] * midRank;
            }
            start = end + 1;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }
}
