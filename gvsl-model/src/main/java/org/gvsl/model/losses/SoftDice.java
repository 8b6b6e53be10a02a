package org.gvsl.model.losses;

import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Soft Dice loss of the downstream segmentation (spec §7), exactly the reference's {@code dice_loss}: per sample n
 * and class k, with sums over the voxels v,
 * <pre>
 *   dice[n, k] = (2·Σ_v y·ŷ + s) / (Σ_v y² + Σ_v ŷ² + s),   s = 1
 *   L_dice     = 1 − mean over n and k of dice[n, k]
 * </pre>
 * with the background class included. {@code ŷ} are the predicted probabilities (the softmax output) and
 * {@code y} the one-hot truth, both {@code [N, K, D, H, W]} (N may be dynamic); output a scalar in [0, 1). A class
 * absent from a sample's truth and prediction scores 1 (the smoothing), as in the reference.
 *
 * <p>The voxel sums are computed as staged means ({@link StagedMean}) times the voxel count, so a 128³ crop keeps
 * float32 accuracy.
 */
public final class SoftDice {

    /** The smoothing term s, added to numerator and denominator (the reference's {@code smooth = 1.}). */
    public static final double SMOOTH = 1.0;

    private SoftDice() {
    }

    /**
     * Adds {@code L_dice(probabilities, target)} to the graph.
     *
     * @param classes K, the channel count of both inputs
     * @param size    their spatial size
     */
    public static SDVariable loss(SDVariable probabilities, SDVariable target, int classes, SpatialSize size) {
        long[] shape = size.shape(-1, classes);
        ShapeCheck.require(probabilities, shape, "the soft Dice loss", "probabilities");
        ShapeCheck.require(target, shape, "the soft Dice loss", "one-hot target");
        SDVariable overlap = voxelSums(probabilities.mul(target), classes, size);
        SDVariable predicted = voxelSums(probabilities.mul(probabilities), classes, size);
        SDVariable truth = voxelSums(target.mul(target), classes, size);
        SDVariable dice = overlap.mul(2).add(SMOOTH).div(predicted.add(truth).add(SMOOTH));
        return dice.getSameDiff().mean(dice).rsub(1.0);
    }

    /** {@code Σ_v x[n, k, v]} as {@code [N, K]}. */
    private static SDVariable voxelSums(SDVariable x, int classes, SpatialSize size) {
        return x.getSameDiff().reshape(StagedMean.rows(x, size.voxels()), -1, classes).mul(size.voxels());
    }
}
