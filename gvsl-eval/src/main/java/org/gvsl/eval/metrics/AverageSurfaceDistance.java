package org.gvsl.eval.metrics;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.surface.SurfaceDistances;

/**
 * The (symmetric) average surface distance of a predicted and a true mask, in mm (MONAI's
 * {@code compute_average_surface_distance(symmetric=True)}): the mean of the directed {@link SurfaceDistances} of
 * both directions pooled, {@code ASD = (Σ d(P→G) + Σ d(G→P)) / (|∂P| + |∂G|)}, with {@code |∂P|} the number of
 * surface voxels of P. (Not the mean of the two directions' means: the mask with the larger surface weighs more.)
 *
 * <p>Both masks empty: undefined (NaN). Exactly one empty: {@code +∞}.
 */
public final class AverageSurfaceDistance {

    private AverageSurfaceDistance() {
    }

    /** ASD in mm of two binary masks; see {@link SurfaceDistances#of} for the arguments. */
    public static double of(boolean[] prediction, boolean[] truth, VolumeShape shape, double[] spacingDhw) {
        return of(SurfaceDistances.of(prediction, truth, shape, spacingDhw));
    }

    /** ASD in mm from the directed surface distances. */
    public static double of(SurfaceDistances distances) {
        if (distances.predictionEmpty() || distances.truthEmpty()) {
            return distances.predictionEmpty() && distances.truthEmpty() ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        double[] forward = distances.predictionToTruth();
        double[] backward = distances.truthToPrediction();
        double[] pooled = new double[forward.length + backward.length];
        System.arraycopy(forward, 0, pooled, 0, forward.length);
        System.arraycopy(backward, 0, pooled, forward.length, backward.length);
        return new Mean().evaluate(pooled);
    }
}
