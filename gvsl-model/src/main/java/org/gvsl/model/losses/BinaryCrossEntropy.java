package org.gvsl.model.losses;

import org.gvsl.model.shape.ShapeCheck;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Binary cross-entropy of independent sigmoid outputs, computed from the logits (the downstream classification,
 * spec §7): for logit {@code z} and target {@code y ∈ [0, 1]},
 * <pre>
 *   ℓ(z, y) = −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^{−|z|})
 *   L_bce   = mean over n and k of ℓ(z[n, k], y[n, k])
 * </pre>
 * Inputs {@code [N, K]} (N may be dynamic); output a scalar in nats. The right-hand form (PyTorch's
 * {@code BCEWithLogitsLoss}) never overflows and never takes the log of 0, where {@code log σ(z)} of a large
 * negative logit would.
 */
public final class BinaryCrossEntropy {

    private BinaryCrossEntropy() {
    }

    /**
     * Adds {@code L_bce(logits, target)} to the graph.
     *
     * @param outputs K, the number of sigmoid outputs
     */
    public static SDVariable loss(SDVariable logits, SDVariable target, int outputs) {
        long[] shape = {-1, outputs};
        ShapeCheck.require(logits, shape, "the binary cross-entropy loss", "logits");
        ShapeCheck.require(target, shape, "the binary cross-entropy loss", "target");
        SameDiff sd = logits.getSameDiff();
        SDVariable softplusOfMinusAbs = sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg()));
        SDVariable perOutput = sd.nn.relu(logits, 0).sub(logits.mul(target)).add(softplusOfMinusAbs);
        return sd.mean(perOutput);
    }
}
