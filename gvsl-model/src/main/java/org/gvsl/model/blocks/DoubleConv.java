package org.gvsl.model.blocks;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The U-Net's double convolution: 2 × [Conv3d k3 pad1 + bias → GroupNorm → LeakyReLU(0.2)].
 *
 * <p>{@code [N, Cin, D, H, W] → [N, Cout, D, H, W]}. Parameters as in the reference's
 * {@code nn.Sequential}: {@code NAME.double_conv.0} (conv), {@code .1} (GroupNorm), {@code .3} (conv),
 * {@code .4} (GroupNorm); indices 2 and 5 are the parameter-free activations.
 */
public final class DoubleConv {

    /** Negative slope of the LeakyReLU activations. */
    public static final double LEAKY_SLOPE = 0.2;

    private static final String DOUBLE_CONV = ".double_conv.";

    private final Conv3d conv1;
    private final GroupNorm norm1;
    private final Conv3d conv2;
    private final GroupNorm norm2;

    /**
     * @param name   prefix, e.g. {@code unet.inc}
     * @param groups GroupNorm groups (must divide {@code outChannels})
     * @param init   initialisation of both conv weights
     */
    public DoubleConv(ParameterFactory params, String name, int inChannels, int outChannels, int groups,
                      ParameterFactory.Init init) {
        String prefix = name + DOUBLE_CONV;
        this.conv1 = new Conv3d(params, prefix + "0", inChannels, outChannels, 3, init);
        this.norm1 = new GroupNorm(params, prefix + "1", groups, outChannels);
        this.conv2 = new Conv3d(params, prefix + "3", outChannels, outChannels, 3, init);
        this.norm2 = new GroupNorm(params, prefix + "4", groups, outChannels);
    }

    /** The name of the first convolution's weight {@code [Cout, Cin, 3, 3, 3]} of the block called {@code name}. */
    public static String firstWeight(String name) {
        return name + DOUBLE_CONV + "0.weight";
    }

    /** Applies the block to {@code x [N, Cin, size]}. */
    public SDVariable forward(SDVariable x, SpatialSize size) {
        SDVariable h = norm1.forwardLeakyRelu(conv1.forward(x), size, LEAKY_SLOPE);
        return norm2.forwardLeakyRelu(conv2.forward(h), size, LEAKY_SLOPE);
    }
}
