package org.gvsl.model.blocks;

import org.gvsl.model.backend.GraphScope;
import org.gvsl.model.ops.HostOpExecutioner;
import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.ops.ValueOnly;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Group normalisation (Wu &amp; He 2018), as PyTorch's {@code GroupNorm(groups, C, eps=1e-5, affine=True)}.
 *
 * <p>Per sample n and group g (consecutive blocks of C/G channels): {@code μ, σ²} = mean and biased variance over
 * the group's channels × D × H × W; {@code y = (x − μ)/√(σ² + ε) · γ[c] + β[c]}. Shapes {@code [N, C, D, H, W]} →
 * same. Parameters {@code NAME.weight} (γ) and {@code NAME.bias} (β), both {@code [C]}, initialised to 1 and 0.
 *
 * <p><b>Two formulations, one result.</b> Where host ops run (the CPU backend, {@link HostOpExecutioner}) the norm
 * is one op, {@link GroupNormOp}, whose backward pass keeps only x. Elsewhere (CUDA) it is
 * composed of native ops, as follows. Composed, the block kept up to four full-size arrays for the backward pass in
 * the full-width 64³ step (SameDiff's reshapes are copies) and made about 80 ops per norm, which at 0.3 ms of
 * SameDiff's time per op was most of a 32³ step's time between ops.
 *
 * <p>Composed, it is computed as PyTorch's kernel does, {@code y = x·s + b} per sample and channel with {@code s =
 * γ/√(σ²+ε)} and {@code b = β − s·μ}, by one depthwise 1×1 convolution over a copy of x laid out {@code [1, N·C, D,
 * H·W]}, so that this copy is the only full-size array the block keeps for the backward pass (a composition of
 * broadcast ops kept seven: SameDiff's backward ops hold every forward input, and ND4J's broadcast-multiply backward is
 * slow). The statistics' values are exact: staged means ({@link StagedMean}, float32 accuracy) and a two-pass variance
 * {@code mean((x − μ)²)} (the one-pass {@code E[x²] − μ²} can go negative in float32 on large activations; ND4J's
 * {@code variance(biasCorrected=false)} has a wrong gradient in 1.0.0-M2.1). Their gradients come from the one-pass
 * forms {@code mean(x)} and {@code mean(x²) − μ²}, whose derivatives are the same ({@code 1/L} and {@code 2(x − μ)/L})
 * and whose backward ops need only the copy of x; each value is that form plus a gradient-free correction ({@link
 * ValueOnly}). Any batch size works; the spatial size is given when the graph is built.
 */
public final class GroupNorm {

    /** PyTorch's default ε. */
    public static final double EPSILON = 1e-5;

    private static final Conv2DConfig PER_CHANNEL = Conv2DConfig.builder()
            .kH(1).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
            .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();

    private final int groups;
    private final int channels;
    private final SDVariable gamma;
    private final SDVariable beta;

    public GroupNorm(ParameterFactory params, String name, int groups, int channels) {
        if (groups < 1 || channels < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(name + ": GroupNorm needs groups ≥ 1 dividing channels, got groups="
                    + groups + ", channels=" + channels);
        }
        this.groups = groups;
        this.channels = channels;
        this.gamma = params.filled(name + ".weight", 1.0, channels);
        this.beta = params.filled(name + ".bias", 0.0, channels);
    }

    /** The reference's group count for a U-Net block of {@code channels} outputs: {@code max(1, channels / 8)}. */
    public static int groupsFor(int channels) {
        return Math.max(1, channels / 8);
    }

    /** Normalises {@code x [N, C, size]}. */
    public SDVariable forward(SDVariable x, SpatialSize size) {
        return GraphScope.in(x.getSameDiff(), "group_norm", () -> HostOpExecutioner.installed()
                ? hostOp(x, 1.0) : composed(x, size));
    }

    /**
     * Normalises {@code x [N, C, size]} and applies {@link LeakyRelu} with {@code slope}: as one host op where host
     * ops run, whose backward pass keeps neither the norm's output nor the rectifier's.
     */
    public SDVariable forwardLeakyRelu(SDVariable x, SpatialSize size, double slope) {
        if (!HostOpExecutioner.installed()) {
            return LeakyRelu.apply(forward(x, size), slope);
        }
        LeakyRelu.requireSlope(slope);
        return GraphScope.in(x.getSameDiff(), "group_norm", () -> hostOp(x, slope));
    }

    private SDVariable hostOp(SDVariable x, double slope) {
        return new GroupNormOp(x.getSameDiff(), x, gamma, beta, groups, EPSILON, slope).outputVariable();
    }

    /** The norm composed of native ops (used where host ops do not run). */
    SDVariable composed(SDVariable x, SpatialSize size) {
        SameDiff sd = x.getSameDiff();
        int perGroup = channels / groups;
        long plane = (long) size.h() * size.w();
        // Every (sample, channel) a channel of its own: [1, N·C, D, H·W].
        SDVariable planes = sd.reshape(x, 1, -1, size.d(), plane);
        SDVariable mean = groupMean(sd.mean(planes, true, 2, 3), perGroup);                          // [N·G, 1]
        SDVariable meanSquare = groupMean(sd.squaredNorm(planes, true, 2, 3).div(size.voxels()), perGroup);
        SDVariable[] exact = exactStatistics(planes, perGroup * size.voxels());
        mean = mean.add(ValueOnly.of(exact[0].sub(mean)));
        SDVariable variance = meanSquare.sub(mean.mul(mean));
        variance = variance.add(ValueOnly.of(exact[1].sub(variance)));
        SDVariable inverseStd = sd.math.rsqrt(variance.add(EPSILON));
        SDVariable scale = perChannel(inverseStd, perGroup).mul(sd.reshape(gamma, 1, channels));      // [N, C]
        SDVariable shift = sd.reshape(beta, 1, channels).sub(scale.mul(perChannel(mean, perGroup)));
        // libnd4j's depthwise convolution of a single voxel takes a dot-product path that fails ("MmulHelper::dot:
        // Z array must be scalar"), e.g. at a 1³ bottleneck; there the products are one element per channel anyway.
        SDVariable y = size.voxels() == 1
                ? planes.mul(sd.reshape(scale, 1, -1, 1, 1)).add(sd.reshape(shift, 1, -1, 1, 1))
                : sd.cnn.depthWiseConv2d(planes, sd.reshape(scale, 1, 1, -1, 1), sd.reshape(shift, -1), PER_CHANNEL);
        return sd.reshape(y, -1, channels, size.d(), size.h(), size.w());
    }

    /** {@code [1, N·C, 1, 1]} per-channel values → their means per sample and group, {@code [N·G, 1]}. */
    private static SDVariable groupMean(SDVariable perChannel, int perGroup) {
        SameDiff sd = perChannel.getSameDiff();
        SDVariable rows = sd.reshape(perChannel, -1, perGroup);
        // One channel per group: nothing to average, and ND4J 1.0.0-M2.1 fails a mean over an axis of length 1
        // inside a graph (BaseReduceOp.noOp finds no input array).
        return perGroup == 1 ? rows : sd.mean(rows, true, 1);
    }

    /** {@code [N·G, 1]} → the value of each channel's group, {@code [N, C]}. */
    private SDVariable perChannel(SDVariable perGroupValues, int perGroup) {
        SameDiff sd = perGroupValues.getSameDiff();
        return sd.reshape(sd.tile(perGroupValues, 1, perGroup), -1, channels);
    }

    /**
     * The mean and the two-pass biased variance of each sample's group, {@code [N·G, 1]} each, with staged
     * reductions; only their values are used.
     */
    private static SDVariable[] exactStatistics(SDVariable planes, long perGroup) {
        SameDiff sd = planes.getSameDiff();
        long[] layout = StagedMean.layout(perGroup);
        long[] staged = new long[1 + layout.length];
        staged[0] = -1;
        System.arraycopy(layout, 0, staged, 1, layout.length);
        SDVariable rows = sd.reshape(planes, staged);
        SDVariable mean = StagedMean.trailing(rows, 1, staged.length);
        SDVariable centred = rows.sub(mean);
        SDVariable variance = StagedMean.trailing(centred.mul(centred), 1, staged.length);
        return new SDVariable[] {sd.reshape(mean, -1, 1), sd.reshape(variance, -1, 1)};
    }
}
