package org.gvsl.model.blocks;

import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Group normalisation (Wu &amp; He 2018), as PyTorch's {@code GroupNorm(groups, C, eps=1e-5, affine=True)}.
 *
 * <p>Per sample n and group g (consecutive blocks of C/G channels): {@code μ, σ²} = mean and biased variance over
 * the group's channels × D × H × W; {@code y = (x − μ)/√(σ² + ε) · γ[c] + β[c]}. Shapes {@code [N, C, D, H, W]} →
 * same. Parameters {@code NAME.weight} (γ) and {@code NAME.bias} (β), both {@code [C]}, initialised to 1 and 0.
 *
 * <p>The variance is computed in two passes, {@code mean((x − μ)²)}: the one-pass form {@code E[x²] − μ²} can go
 * negative in float32 on large activations, and ND4J's {@code variance(biasCorrected=false)} has a wrong gradient
 * in 1.0.0-M2.1. The means are staged ({@link StagedMean}) to keep float32 accuracy. Any batch size works; the
 * spatial size is given when the graph is built.
 */
public final class GroupNorm {

    /** PyTorch's default ε. */
    public static final double EPSILON = 1e-5;

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
        SameDiff sd = x.getSameDiff();
        long[] layout = StagedMean.layout(channels / groups * size.voxels());
        long[] groupedShape = new long[2 + layout.length];
        groupedShape[0] = -1;
        groupedShape[1] = groups;
        System.arraycopy(layout, 0, groupedShape, 2, layout.length);
        int rank = groupedShape.length;
        SDVariable grouped = sd.reshape(x, groupedShape);
        SDVariable centred = grouped.sub(StagedMean.trailing(grouped, 2, rank));
        SDVariable variance = StagedMean.trailing(sd.math.square(centred), 2, rank);
        SDVariable normalised = centred.mul(sd.math.rsqrt(variance.add(EPSILON)));
        SDVariable restored = sd.reshape(normalised, sd.shape(x));
        long[] perChannel = {1, channels, 1, 1, 1};
        return restored.mul(sd.reshape(gamma, perChannel)).add(sd.reshape(beta, perChannel));
    }

    public int groups() {
        return groups;
    }
}
