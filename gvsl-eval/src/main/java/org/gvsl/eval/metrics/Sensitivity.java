package org.gvsl.eval.metrics;

/**
 * Sensitivity (recall, true-positive rate) of one class: {@code TP / (TP + FN) = |P ∩ G| / |G|}, the fraction of
 * the true voxels that were predicted. Undefined (NaN) when the truth has no voxel of the class (this includes a
 * class absent from both); 0 when the truth has the class and the prediction does not.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /** Sensitivity from the counts of one class; NaN when {@code |G| = 0}. */
    public static double of(ConfusionCounts c) {
        return c.actual() == 0 ? Double.NaN : (double) c.truePositives() / c.actual();
    }
}
