package org.gvsl.model.heads;

import org.gvsl.model.blocks.Conv3d;
import org.gvsl.model.blocks.DoubleConv;
import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The self-restoration head (spec §4, the "fundament" of the paper): rebuilds the clean fixed image from the
 * fixed image's local features.
 *
 * <p>{@code f_fixed [N, c8, D, H, W]} → {@code res_conv.0 = Conv3d(c8, 16, k3)} → {@code res_conv.1 =
 * GroupNorm(4, 16)} → LeakyReLU(0.2) → {@code res_conv.3 = Conv3d(16, 1, k1)} → {@code [N, 1, D, H, W]}
 * (intensity units, no output activation). 16 hidden channels at every width, as the reference.
 */
public final class RestorationHead {

    /** Hidden channels of the head. */
    public static final int HIDDEN = 16;
    private static final int GROUPS = 4;

    private final Conv3d first;
    private final GroupNorm norm;
    private final Conv3d last;

    /** @param localWidth c8 */
    public RestorationHead(ParameterFactory params, int localWidth) {
        ParameterFactory.Init init = ParameterFactory.Init.UNIFORM_FAN_IN;
        this.first = new Conv3d(params, "res_conv.0", localWidth, HIDDEN, 3, init);
        this.norm = new GroupNorm(params, "res_conv.1", GROUPS, HIDDEN);
        this.last = new Conv3d(params, "res_conv.3", HIDDEN, 1, 1, init);
    }

    /** The restored image {@code [N, 1, size]} from {@code f_fixed [N, c8, size]}. */
    public SDVariable restore(SDVariable fixedLocal, SpatialSize size) {
        SDVariable h = norm.forwardLeakyRelu(first.forward(fixedLocal), size, DoubleConv.LEAKY_SLOPE);
        return last.forward(h);
    }
}
