package org.gvsl.eval.metrics;

/**
 * Precision (positive predictive value) of one class: {@code TP / (TP + FP) = |P ∩ G| / |P|}, the fraction of the
 * predicted voxels that are true. Undefined (NaN) when the prediction has no voxel of the class (this includes a
 * class absent from both); 0 when the prediction has the class and the truth does not.
 */
public final class Precision {

    private Precision() {
    }

    /** Precision from the counts of one class; NaN when {@code |P| = 0}. */
    public static double of(ConfusionCounts c) {
        return c.predicted() == 0 ? Double.NaN : (double) c.truePositives() / c.predicted();
    }
}
