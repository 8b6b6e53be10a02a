package org.gvsl.eval.metrics;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.surface.SurfaceDistances;

/**
 * The 95th-percentile Hausdorff distance of a predicted and a true mask, in mm (MONAI's
 * {@code compute_hausdorff_distance(percentile=95)}):
 * {@code HD95 = max(P95(d(P→G)), P95(d(G→P)))}, with {@code d} the directed {@link SurfaceDistances} between the
 * masks' surfaces (6-neighbour surfaces, Euclidean distances between voxel centres with the voxel spacing) and
 * {@code P95} the 95th percentile interpolated linearly between order statistics: for sorted {@code x_0..x_{n−1}},
 * {@code h = 0.95·(n − 1)}, {@code P95 = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋)} (numpy's default percentile,
 * commons-math3's {@link EstimationType#R_7}).
 *
 * <p>Both masks empty: undefined (NaN). Exactly one empty: {@code +∞}.
 */
public final class Hd95 {

    /** The percentile, 95. */
    public static final double PERCENTILE = 95;

    private Hd95() {
    }

    /** HD95 in mm of two binary masks; see {@link SurfaceDistances#of} for the arguments. */
    public static double of(boolean[] prediction, boolean[] truth, VolumeShape shape, double[] spacingDhw) {
        return of(SurfaceDistances.of(prediction, truth, shape, spacingDhw));
    }

    /** HD95 in mm from the directed surface distances. */
    public static double of(SurfaceDistances distances) {
        if (distances.predictionEmpty() || distances.truthEmpty()) {
            return distances.predictionEmpty() && distances.truthEmpty() ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        Percentile p95 = new Percentile(PERCENTILE).withEstimationType(EstimationType.R_7);
        return Math.max(p95.evaluate(distances.predictionToTruth()), p95.evaluate(distances.truthToPrediction()));
    }
}
