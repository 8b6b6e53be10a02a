package org.gvsl.model.losses;

import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Multi-class cross-entropy of a segmentation, computed from the logits: with {@code log ŷ = log_softmax(z)} over
 * the class axis,
 * <pre>
 *   L_ce = mean over n and voxels v of ( −Σ_k y[n, k, v] · log ŷ[n, k, v] )
 * </pre>
 * Inputs: logits {@code z} and the one-hot (or soft) truth {@code y}, both {@code [N, K, D, H, W]} (N may be
 * dynamic); output a scalar in nats. Numerically safe: {@code log_softmax} never takes the log of a rounded-off
 * probability, so a confident wrong voxel costs its true (large, finite) amount instead of {@code −log 0}.
 *
 * <p>{@code log_softmax} is composed as {@code z − m − log Σ_k exp(z − m)}, {@code m = max_k z} (the exact value
 * for any m; this m keeps every exponent ≤ 0): ND4J 1.0.0-M2.1's own {@code logSoftmax} returned {@code −∞} for
 * logits ±1000 and could not be differentiated ({@code createGradFunction} failed to copy the op's axis).
 *
 * <p>The reference's {@code crossentropy} (in its losses, unused by its downstream scripts) differs: it averages over
 * the classes as well (a factor 1/K) and takes {@code log(ŷ + 1e-6)}.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * Adds {@code L_ce(logits, target)} to the graph.
     *
     * @param classes K, the channel count of both inputs
     * @param size    their spatial size
     */
    public static SDVariable loss(SDVariable logits, SDVariable target, int classes, SpatialSize size) {
        long[] shape = size.shape(-1, classes);
        ShapeCheck.require(logits, shape, "the cross-entropy loss", "logits");
        ShapeCheck.require(target, shape, "the cross-entropy loss", "one-hot target");
        SameDiff sd = logits.getSameDiff();
        SDVariable shifted = logits.sub(sd.max(logits, true, 1));
        SDVariable logSoftmax = shifted.sub(sd.math.log(sd.sum(sd.math.exp(shifted), true, 1)));
        SDVariable perVoxel = sd.sum(target.mul(logSoftmax), 1).neg();   // [N, D, H, W]
        return sd.mean(StagedMean.rows(perVoxel, size.voxels()));
    }
}
