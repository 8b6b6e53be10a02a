package org.gvsl.model.blocks;

import org.gvsl.model.ops.TorchLayoutConv3d;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * 3-D convolution, stride 1, zero padding {@code k/2} (the output keeps the input's spatial size), with bias.
 *
 * <p>{@code y[n, o, p] = b[o] + Σ_i Σ_δ W[o, i, δ] · x[n, i, p + δ − k/2]}, {@code x [N, Cin, D, H, W]} →
 * {@code y [N, Cout, D, H, W]}. Parameters {@code NAME.weight [Cout, Cin, k, k, k]} (PyTorch layout, which the
 * native op reads as it is: {@link TorchLayoutConv3d}) and {@code NAME.bias [Cout]}.
 */
public final class Conv3d {

    private final SDVariable weight;
    private final SDVariable bias;
    private final Conv3DConfig config;

    /**
     * @param name   parameter prefix, e.g. {@code unet.inc.double_conv.0}
     * @param kernel odd kernel side
     * @param init   weight initialisation; the bias is always {@code U(±1/√fan_in)}
     */
    public Conv3d(ParameterFactory params, String name, int inChannels, int outChannels, int kernel,
                  ParameterFactory.Init init) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(name + ": channel counts must be positive, got in=" + inChannels
                    + ", out=" + outChannels);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(name + ": kernel must be odd and positive, got " + kernel);
        }
        long fanIn = (long) inChannels * kernel * kernel * kernel;
        this.weight = params.weight(name + ".weight", init, fanIn, outChannels, inChannels, kernel, kernel, kernel);
        this.bias = params.bias(name + ".bias", fanIn, outChannels);
        int pad = kernel / 2;
        this.config = Conv3DConfig.builder()
                .kD(kernel).kH(kernel).kW(kernel)
                .sD(1).sH(1).sW(1)
                .pD(pad).pH(pad).pW(pad)
                .dD(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME)
                .dataFormat(Conv3DConfig.NCDHW)
                .biasUsed(true)
                .build();
    }

    /** Applies the convolution to {@code x [N, Cin, D, H, W]}. */
    public SDVariable forward(SDVariable x) {
        return TorchLayoutConv3d.apply(x, weight, bias, config);
    }

}
