package org.gvsl.eval.report;

import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.metrics.AverageSurfaceDistance;
import org.gvsl.eval.metrics.ConfusionCounts;
import org.gvsl.eval.metrics.Dice;
import org.gvsl.eval.metrics.Hd95;
import org.gvsl.eval.metrics.Precision;
import org.gvsl.eval.metrics.Sensitivity;
import org.gvsl.eval.metrics.Specificity;
import org.gvsl.eval.surface.SurfaceDistances;

/**
 * The metrics of one class of one case: one row of {@code metrics.csv}. NaN where a metric is undefined,
 * {@code +∞} for HD95 and ASD of a class absent from exactly one map (see each metric's class).
 *
 * @param label       the class k (its label value)
 * @param dice        {@link Dice}
 * @param hd95        {@link Hd95}, mm
 * @param asd         {@link AverageSurfaceDistance}, mm
 * @param sensitivity {@link Sensitivity}
 * @param specificity {@link Specificity}
 * @param precision   {@link Precision}
 */
public record ClassScores(int label, double dice, double hd95, double asd, double sensitivity, double specificity,
                          double precision) {

    /**
     * Every metric of class {@code label}.
     *
     * @param prediction predicted labels, C order over {@code shape}
     * @param truth      true labels, the same layout
     * @param label      the class k
     * @param shape      {@code [D, H, W]}
     * @param spacingDhw voxel size along D, H, W in mm
     */
    public static ClassScores of(int[] prediction, int[] truth, int label, VolumeShape shape, double[] spacingDhw) {
        ConfusionCounts counts = ConfusionCounts.ofLabel(prediction, truth, label);
        SurfaceDistances distances = SurfaceDistances.ofLabel(prediction, truth, label, shape, spacingDhw);
        return new ClassScores(label, Dice.of(counts), Hd95.of(distances), AverageSurfaceDistance.of(distances),
                Sensitivity.of(counts), Specificity.of(counts), Precision.of(counts));
    }

    /** The value of one metric. */
    public double value(SegmentationMetric metric) {
        return switch (metric) {
            case DICE -> dice;
            case HD95 -> hd95;
            case ASD -> asd;
            case SENSITIVITY -> sensitivity;
            case SPECIFICITY -> specificity;
            case PRECISION -> precision;
        };
    }
}
