package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The directed surface distances of a predicted and a true binary mask, in mm: for each {@link MaskSurface surface}
 * voxel of one mask, the Euclidean distance between its centre and the centre of the nearest surface voxel of the
 * other, {@code d(P→G)} and {@code d(G→P)}. These are the distances of MONAI's {@code get_surface_distance}, from
 * which {@link org.gvsl.eval.metrics.Hd95} and {@link org.gvsl.eval.metrics.AverageSurfaceDistance} are computed.
 *
 * <p>An empty mask has no surface voxel, so its directed distances are empty; the other mask's are then all
 * {@code +∞}. Both masks empty: both empty.
 *
 * <p>Computed by two {@link EuclideanDistanceTransform}s on the bounding box of the union of the masks only: every
 * surface voxel of either mask lies in that box, so the nearest one is found within it, and a voxel outside the box
 * is outside both masks, so the surfaces are the same as on the whole volume. The cost is linear in the box's
 * voxels plus one pass over the volume to find the box.
 */
public final class SurfaceDistances {

    private final double[] predictionToTruth;
    private final double[] truthToPrediction;

    private SurfaceDistances(double[] predictionToTruth, double[] truthToPrediction) {
        this.predictionToTruth = predictionToTruth;
        this.truthToPrediction = truthToPrediction;
    }

    /**
     * The directed distances of two binary masks.
     *
     * @param prediction one flag per voxel, C order over {@code shape}
     * @param truth      the same for the truth
     * @param shape      {@code [D, H, W]}
     * @param spacingDhw voxel size along D, H, W in mm
     * @throws IllegalArgumentException on a length that is not the shape's voxel count, or a bad spacing
     */
    public static SurfaceDistances of(boolean[] prediction, boolean[] truth, VolumeShape shape, double[] spacingDhw) {
        MaskSurface.requireLength(prediction, shape, "prediction");
        MaskSurface.requireLength(truth, shape, "truth");
        return between(i -> prediction[i], i -> truth[i], shape, spacingDhw);
    }

    /**
     * The directed distances of the masks {@code prediction == label} and {@code truth == label} of two label maps.
     *
     * @param prediction predicted labels, C order over {@code shape}
     * @param truth      true labels, the same layout
     * @param label      the class k
     * @param shape      {@code [D, H, W]}
     * @param spacingDhw voxel size along D, H, W in mm
     * @throws IllegalArgumentException on a length that is not the shape's voxel count, or a bad spacing
     */
    public static SurfaceDistances ofLabel(int[] prediction, int[] truth, int label, VolumeShape shape,
                                           double[] spacingDhw) {
        for (int[] map : new int[][] {prediction, truth}) {
            if (map.length != shape.voxelCount()) {
                throw new IllegalArgumentException((map == prediction ? "prediction" : "truth") + " has " + map.length
                        + " voxels, shape " + shape + " needs " + shape.voxelCount());
            }
        }
        return between(i -> prediction[i] == label, i -> truth[i] == label, shape, spacingDhw);
    }

    /** {@code d(P→G)}: one distance in mm per surface voxel of the prediction (C order); a copy. */
    public double[] predictionToTruth() {
        return predictionToTruth.clone();
    }

    /** {@code d(G→P)}: one distance in mm per surface voxel of the truth (C order); a copy. */
    public double[] truthToPrediction() {
        return truthToPrediction.clone();
    }

    /** Whether the prediction is empty (it has no surface voxel). */
    public boolean predictionEmpty() {
        return predictionToTruth.length == 0;
    }

    /** Whether the truth is empty (it has no surface voxel). */
    public boolean truthEmpty() {
        return truthToPrediction.length == 0;
    }

    private static SurfaceDistances between(IntPredicate inPrediction, IntPredicate inTruth, VolumeShape shape,
                                            double[] spacingDhw) {
        EuclideanDistanceTransform.requireSpacing(spacingDhw);
        int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] high = {-1, -1, -1};
        int i = 0;
        for (int d = 0; d < shape.depth(); d++) {
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++, i++) {
                    if (inPrediction.test(i) || inTruth.test(i)) {
                        extend(low, high, d, h, w);
                    }
                }
            }
        }
        if (high[0] < 0) {
            return new SurfaceDistances(new double[0], new double[0]);
        }
        VolumeShape box = new VolumeShape(high[0] - low[0] + 1, high[1] - low[1] + 1, high[2] - low[2] + 1);
        boolean[] predictionSurface = MaskSurface.of(crop(inPrediction, shape, low, box), box);
        boolean[] truthSurface = MaskSurface.of(crop(inTruth, shape, low, box), box);
        return new SurfaceDistances(distancesAt(predictionSurface, truthSurface, box, spacingDhw),
                distancesAt(truthSurface, predictionSurface, box, spacingDhw));
    }

    /** The distances from each {@code from} voxel to the nearest {@code to} voxel; {@code +∞} when none. */
    private static double[] distancesAt(boolean[] from, boolean[] to, VolumeShape box, double[] spacingDhw) {
        int count = 0;
        boolean anyTarget = false;
        for (int i = 0; i < from.length; i++) {
            count += from[i] ? 1 : 0;
            anyTarget |= to[i];
        }
        double[] out = new double[count];
        if (!anyTarget) {
            Arrays.fill(out, Double.POSITIVE_INFINITY);
            return out;
        }
        double[] distance = EuclideanDistanceTransform.of(to, box, spacingDhw);
        for (int i = 0, j = 0; i < from.length; i++) {
            if (from[i]) {
                out[j++] = distance[i];
            }
        }
        return out;
    }

    private static boolean[] crop(IntPredicate mask, VolumeShape shape, int[] low, VolumeShape box) {
        boolean[] out = new boolean[box.voxelCount()];
        int o = 0;
        for (int d = 0; d < box.depth(); d++) {
            for (int h = 0; h < box.height(); h++) {
                int source = shape.index(low[0] + d, low[1] + h, low[2]);
                for (int w = 0; w < box.width(); w++) {
                    out[o++] = mask.test(source + w);
                }
            }
        }
        return out;
    }

    private static void extend(int[] low, int[] high, int d, int h, int w) {
        low[0] = Math.min(low[0], d);
        low[1] = Math.min(low[1], h);
        low[2] = Math.min(low[2], w);
        high[0] = Math.max(high[0], d);
        high[1] = Math.max(high[1], h);
        high[2] = Math.max(high[2], w);
    }
}
