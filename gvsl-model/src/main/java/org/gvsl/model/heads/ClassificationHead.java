package org.gvsl.model.heads;

import org.gvsl.model.blocks.GlobalAveragePool;
import org.gvsl.model.blocks.Linear;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The downstream classification head (spec §7): global average pooling of the encoder's global features, one
 * linear layer, a sigmoid per output.
 *
 * <p>{@code g [N, c4, d, h, w]} → {@code ḡ[n, c] = mean over (d, h, w)} {@code [N, c4]} → {@code fc_cls =
 * Linear(c4, K)} → logits {@code z [N, K]} → {@code p = σ(z) = 1/(1 + e^{−z})}, each output an independent
 * probability. Parameters {@code fc_cls.weight [K, c4]} and {@code fc_cls.bias [K]}, PyTorch's default
 * initialisation ({@code U(±1/√c4)}). The reference code has no classification head, so the name is ours, in the
 * style of its {@code fc_rot}, {@code fc_scl}, ….
 */
public final class ClassificationHead {

    /** The parameter prefix of the head. */
    public static final String NAME = "fc_cls";

    private final Linear linear;
    private final int width;
    private final int outputs;

    /**
     * @param bottleneckWidth c4, the channel count of the global features
     * @param outputs         K ≥ 1 sigmoid outputs
     */
    public ClassificationHead(ParameterFactory params, int bottleneckWidth, int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("a classification head needs at least 1 output, got " + outputs);
        }
        this.linear = new Linear(params, NAME, bottleneckWidth, outputs);
        this.width = bottleneckWidth;
        this.outputs = outputs;
    }

    /**
     * The logits {@code z [N, K]} of the global features {@code g [N, c4, size]}.
     *
     * @param size the spatial size of {@code g}
     */
    public SDVariable logits(SDVariable global, SpatialSize size) {
        return linear.forward(GlobalAveragePool.apply(global, width, size));
    }

    /** The probabilities {@code σ(z)}. */
    public static SDVariable probabilities(SDVariable logits) {
        return logits.getSameDiff().nn.sigmoid(logits);
    }

    /** K. */
    public int outputs() {
        return outputs;
    }
}
