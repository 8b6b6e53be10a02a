package org.gvsl.model.network;

import org.gvsl.model.backend.GraphScope;
import org.gvsl.model.blocks.DoubleConv;
import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.blocks.TrilinearUpsample;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling3D;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The GVSL backbone (spec §1): a 3-D U-Net with 4 down-samplings and GroupNorm, weight-compatible with the
 * reference {@code UNet_base}.
 *
 * <ul>
 *   <li>{@code inc = DoubleConv(1, c0)}; {@code down_i} = MaxPool3d(2) → DoubleConv(c_{i−1}, c_i), i = 1..4;</li>
 *   <li>{@code up_i} = trilinear ×2 (align corners) → concat [skip, upsampled] → DoubleConv; no final 1×1 conv;</li>
 *   <li>any input size: each spatial axis is zero-padded to a multiple of 16 ({@code diff/2} before, the rest
 *       after) and the decoder output is cropped back.</li>
 * </ul>
 * Input {@code x [N, 1, D, H, W]} (N may be a dynamic −1); outputs the <b>global</b> features
 * {@code g [N, c4, D'/16, H'/16, W'/16]} (bottleneck of the padded input, D' = D rounded up to 16) and the
 * <b>local</b> features {@code f [N, c8, D, H, W]}. Parameters are named {@code PREFIX.inc.double_conv.0.weight}, …,
 * as the reference state dict; conv weights are Kaiming-normal.
 *
 * <p>{@link #encoderOnly} builds only {@code inc} and {@code down1..4} (the same parameters, names and initial
 * values as the full network's encoder) for tasks that need the global features alone: {@link #encode} runs it,
 * and no decoder parameter exists in the graph.
 */
public final class UNet3D {

    /** Total down-sampling factor (4 poolings of 2). */
    public static final int FACTOR = 16;

    private final UNetWidths widths;
    private final DoubleConv inc;
    private final DoubleConv[] down = new DoubleConv[4];
    /** Null for an encoder-only network. */
    private final DoubleConv[] up;

    /** The network's outputs: bottleneck features with their size, and full-resolution features. */
    public record Features(SDVariable global, SpatialSize globalSize, SDVariable local) {
    }

    /**
     * The encoder's output.
     *
     * @param global     the bottleneck features {@code g [N, c4, D'/16, H'/16, W'/16]}
     * @param globalSize their spatial size
     */
    public record Encoded(SDVariable global, SpatialSize globalSize) {
    }

    /** The encoder's levels: the skip features of levels 0..4 (level 4 is g) and their sizes. */
    private record Levels(SDVariable[] skips, SpatialSize[] sizes) {
    }

    /**
     * The whole network (encoder and decoder).
     *
     * @param prefix parameter-name prefix, {@code "unet"} inside GVSL
     */
    public UNet3D(ParameterFactory params, String prefix, UNetWidths widths) {
        this(params, prefix, widths, true);
    }

    private UNet3D(ParameterFactory params, String prefix, UNetWidths widths, boolean withDecoder) {
        this.widths = widths;
        ParameterFactory.Init init = ParameterFactory.Init.KAIMING_NORMAL;
        int[] c = widths.toArray();
        String[] blocks = blockNames(prefix);
        this.inc = new DoubleConv(params, blocks[0], 1, c[0], GroupNorm.groupsFor(c[0]), init);
        for (int i = 1; i <= 4; i++) {
            down[i - 1] = new DoubleConv(params, blocks[i], c[i - 1], c[i], GroupNorm.groupsFor(c[i]), init);
        }
        if (!withDecoder) {
            this.up = null;
            return;
        }
        this.up = new DoubleConv[4];
        // up_i joins the skip of level 4−i (width c[4−i]) with the upsampled previous output (c[3+i]).
        for (int i = 1; i <= 4; i++) {
            int skip = c[4 - i];
            int below = c[3 + i];
            up[i - 1] = new DoubleConv(params, blocks[4 + i], skip + below, c[4 + i], GroupNorm.groupsFor(c[4 + i]),
                    init);
        }
    }

    /**
     * The encoder alone ({@code inc}, {@code down1..4}): the parameters of {@link #UNet3D(ParameterFactory, String,
     * UNetWidths)}'s encoder, same names and same initial values, and no decoder parameters. Only {@link #encode}
     * works on it.
     */
    public static UNet3D encoderOnly(ParameterFactory params, String prefix, UNetWidths widths) {
        return new UNet3D(params, prefix, widths, false);
    }

    /** Whether this network has its decoder (false for {@link #encoderOnly}). */
    public boolean hasDecoder() {
        return up != null;
    }

    /**
     * The names of the nine tensors whose first dimension is the width {@code c0 … c8}, in that order: the first
     * convolution weight {@code [c_i, Cin, 3, 3, 3]} of the blocks inc, down1..4, up1..4. A state dict's widths are
     * read off them.
     *
     * @param prefix the parameter-name prefix, {@code "unet"} inside GVSL
     */
    public static List<String> widthTensors(String prefix) {
        return Arrays.stream(blockNames(prefix)).map(DoubleConv::firstWeight).toList();
    }

    /** The parameter prefixes of the nine blocks, in the order of the widths they produce. */
    private static String[] blockNames(String prefix) {
        String[] names = new String[9];
        names[0] = prefix + ".inc";
        for (int i = 1; i <= 4; i++) {
            names[i] = prefix + ".down" + i + ".maxpool_conv.1";
            names[4 + i] = prefix + ".up" + i + ".conv";
        }
        return names;
    }

    /** The padded size of an input: each axis rounded up to a multiple of {@link #FACTOR}. */
    public static SpatialSize paddedSize(SpatialSize size) {
        return new SpatialSize(roundUp(size.d()), roundUp(size.h()), roundUp(size.w()));
    }

    /**
     * Runs the whole network on {@code x [N, 1, size]}.
     *
     * @throws IllegalStateException on an {@link #encoderOnly} network
     */
    public Features forward(SDVariable x, SpatialSize size) {
        if (up == null) {
            throw new IllegalStateException("this U-Net was built encoder-only: use encode(), not forward()");
        }
        SpatialSize padded = paddedSize(size);
        Levels levels = levels(x, size, padded);
        SDVariable[] skips = levels.skips();
        SpatialSize[] sizes = levels.sizes();
        SDVariable h = skips[4];
        for (int i = 1; i <= 4; i++) {
            int level = 4 - i;
            h = upLevel(i, h, sizes[level + 1], skips[level], sizes[level]);
        }
        SDVariable local = padded.equals(size) ? h : crop(h, size, padded);
        return new Features(skips[4], sizes[4], local);
    }

    /** Runs the encoder alone on {@code x [N, 1, size]}: the global features of {@link #forward}, nothing else. */
    public Encoded encode(SDVariable x, SpatialSize size) {
        Levels levels = levels(x, size, paddedSize(size));
        return new Encoded(levels.skips()[4], levels.sizes()[4]);
    }

    /** The encoder: pads the input, then {@code inc} and {@code down1..4}. */
    private Levels levels(SDVariable x, SpatialSize size, SpatialSize padded) {
        SameDiff sd = x.getSameDiff();
        SDVariable input = padded.equals(size) ? x : pad(x, size, padded);
        SDVariable[] skips = new SDVariable[5];
        SpatialSize[] sizes = new SpatialSize[5];
        sizes[0] = padded;
        skips[0] = GraphScope.in(sd, "inc", () -> inc.forward(input, padded));
        for (int i = 1; i <= 4; i++) {
            SpatialSize s = sizes[i - 1];
            sizes[i] = new SpatialSize(s.d() / 2, s.h() / 2, s.w() / 2);
            skips[i] = downLevel(i, skips[i - 1], sizes[i]);
        }
        return new Levels(skips, sizes);
    }

    public UNetWidths widths() {
        return widths;
    }

    /** {@code down_i}: max-pooling and the block, as the graph part {@code down<i>}. */
    private SDVariable downLevel(int i, SDVariable above, SpatialSize size) {
        return GraphScope.in(above.getSameDiff(), "down" + i, () -> down[i - 1].forward(maxPool(above), size));
    }

    /** {@code up_i}: upsampling, the concatenation with the skip and the block, as the graph part {@code up<i>}. */
    private SDVariable upLevel(int i, SDVariable below, SpatialSize belowSize, SDVariable skip, SpatialSize size) {
        SameDiff sd = below.getSameDiff();
        return GraphScope.in(sd, "up" + i, () -> up[i - 1].forward(sd.concat(1, skip,
                TrilinearUpsample.upsample(below, widths.at(3 + i), belowSize, below.dataType())), size));
    }

    private static SDVariable maxPool(SDVariable x) {
        Pooling3DConfig config = Pooling3DConfig.builder()
                .kD(2).kH(2).kW(2).sD(2).sH(2).sW(2)
                .type(Pooling3D.Pooling3DType.MAX)
                .isNCDHW(true)
                .build();
        return x.getSameDiff().cnn.maxPooling3d(x, config);
    }

    private static SDVariable pad(SDVariable x, SpatialSize size, SpatialSize padded) {
        long[][] amounts = new long[5][2];
        for (int axis = 0; axis < 3; axis++) {
            int diff = padded.axis(axis) - size.axis(axis);
            amounts[2 + axis][0] = diff / 2;
            amounts[2 + axis][1] = diff - diff / 2;
        }
        SDVariable padding = x.getSameDiff().constant(Nd4j.createFromArray(amounts));
        return x.getSameDiff().nn.pad(x, padding, 0.0);
    }

    private static SDVariable crop(SDVariable x, SpatialSize size, SpatialSize padded) {
        long[] begin = new long[5];
        long[] end = new long[5];
        for (int axis = 0; axis < 3; axis++) {
            begin[2 + axis] = (padded.axis(axis) - size.axis(axis)) / 2;
            end[2 + axis] = begin[2 + axis] + size.axis(axis);
        }
        int wholeBatchAndChannels = 0b11; // begin/end masks: axes 0 and 1 are taken whole
        return x.getSameDiff().stridedSlice(x, begin, end, new long[] {1, 1, 1, 1, 1},
                wholeBatchAndChannels, wholeBatchAndChannels, 0, 0, 0);
    }

    private static int roundUp(int s) {
        return (s + FACTOR - 1) / FACTOR * FACTOR;
    }

    /**
     * The widths of the U-Net whose weights are given under {@code PREFIX.*} (e.g. a state dict's {@code unet.*}):
     * each block's output width, read off the shape {@code [c, Cin, 3, 3, 3]} of its first convolution's weight.
     *
     * @throws IllegalArgumentException naming the first block whose weight is missing, or widths that are invalid
     */
    public static UNetWidths widthsOf(Map<String, INDArray> weights, String prefix) {
        List<String> names = widthTensors(prefix);
        int[] widths = new int[names.size()];
        for (int i = 0; i < widths.length; i++) {
            String name = names.get(i);
            INDArray w = weights.get(name);
            if (w == null || w.rank() != 5) {
                throw new IllegalArgumentException(w == null ? "the weights have no " + name
                        : name + " has shape " + Arrays.toString(w.shape()) + ", not [Cout, Cin, 3, 3, 3]");
            }
            widths[i] = Math.toIntExact(w.size(0));
        }
        return UNetWidths.of(widths);
    }
}
