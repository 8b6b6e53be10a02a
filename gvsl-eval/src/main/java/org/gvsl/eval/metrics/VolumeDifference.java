package org.gvsl.eval.metrics;

/**
 * Volume difference of one class between prediction and truth, signed so that over-segmentation is positive:
 * <ul>
 *   <li>relative: {@code (|P| − |G|) / |G|} (dimensionless; 0.1 = the prediction is 10% larger);</li>
 *   <li>absolute: {@code (|P| − |G|)·s_D·s_H·s_W} in mm³, with the voxel spacing {@code s} in mm.</li>
 * </ul>
 * A class absent from both prediction and truth is undefined (NaN) in both forms. A class absent from the truth
 * only has relative difference {@code +∞} (and a finite absolute one); absent from the prediction only, −1.
 */
public final class VolumeDifference {

    private VolumeDifference() {
    }

    /** {@code (|P| − |G|) / |G|}; NaN when absent from both, {@code +∞} when {@code |G| = 0 < |P|}. */
    public static double relative(ConfusionCounts c) {
        if (c.absentFromBoth()) {
            return Double.NaN;
        }
        return c.actual() == 0 ? Double.POSITIVE_INFINITY : (double) (c.predicted() - c.actual()) / c.actual();
    }

    /**
     * {@code (|P| − |G|)·v} in mm³; NaN when absent from both.
     *
     * @param voxelVolumeMm3 the volume {@code v = s_D·s_H·s_W} of one voxel in mm³
     */
    public static double absoluteMm3(ConfusionCounts c, double voxelVolumeMm3) {
        if (!(voxelVolumeMm3 > 0) || !Double.isFinite(voxelVolumeMm3)) {
            throw new IllegalArgumentException("voxel volume must be finite and positive, got " + voxelVolumeMm3);
        }
        return c.absentFromBoth() ? Double.NaN : (c.predicted() - c.actual()) * voxelVolumeMm3;
    }
}
