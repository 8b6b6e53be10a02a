package org.gvsl.model.heads;

import org.gvsl.model.blocks.Conv3d;
import org.gvsl.model.blocks.ParameterFactory;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The downstream segmentation head (spec §7): one convolution on the U-Net's local features, then a softmax over
 * the classes.
 *
 * <p>{@code f [N, c8, D, H, W]} → {@code out_conv = Conv3d(c8, K, k3, pad1)} → logits {@code z [N, K, D, H, W]} →
 * {@code p[n, k, v] = exp(z[n, k, v]) / Σ_j exp(z[n, j, v])} (channel axis 1). Parameters {@code out_conv.weight
 * [K, c8, 3, 3, 3]} and {@code out_conv.bias [K]}, named as the reference's downstream {@code UNet3D_GVSL.out_conv}
 * and initialised as PyTorch's default ({@code U(±1/√fan_in)}), so a reference fine-tuned state dict imports 1:1.
 */
public final class SegmentationHead {

    /** The parameter prefix of the head. */
    public static final String NAME = "out_conv";

    private final Conv3d conv;
    private final int classes;

    /**
     * @param localWidth c8, the channel count of the local features
     * @param classes    K ≥ 2 (background included)
     */
    public SegmentationHead(ParameterFactory params, int localWidth, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a segmentation head needs at least 2 classes (background included), got "
                    + classes);
        }
        this.conv = new Conv3d(params, NAME, localWidth, classes, 3, ParameterFactory.Init.UNIFORM_FAN_IN);
        this.classes = classes;
    }

    /** The logits {@code z [N, K, D, H, W]} of the local features {@code f [N, c8, D, H, W]}. */
    public SDVariable logits(SDVariable local) {
        return conv.forward(local);
    }

    /** The class probabilities: the softmax of {@code logits} over the channel axis. */
    public static SDVariable probabilities(SDVariable logits) {
        return logits.getSameDiff().nn.softmax(logits, 1);
    }

    /** K. */
    public int classes() {
        return classes;
    }
}
