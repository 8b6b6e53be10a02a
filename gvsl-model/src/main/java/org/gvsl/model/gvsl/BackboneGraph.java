package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * The GVSL backbone (the U-Net, spec §1) as an inference graph ({@link GvslGraphFactory#backbone}): one named
 * input and the two feature maps GVSL learns, for one batch size and spatial size.
 *
 * <pre>
 *   image            [N, 1, D, H, W]                      placeholder, float32, already normalised
 *   local_features   [N, c8, D, H, W]                     f, the last decoder output
 *   global_features  [N, c4, D'/16, H'/16, W'/16]         g, the bottleneck of the input padded to multiples of 16
 * </pre>
 * The trainable variables are the U-Net's, under the reference state-dict names {@code unet.…}.
 */
public final class BackboneGraph {

    /** Placeholder: the image {@code [N, 1, D, H, W]}. */
    public static final String IMAGE = "image";
    /** Output: the local features f {@code [N, c8, D, H, W]}. */
    public static final String LOCAL = "local_features";
    /** Output: the global features g {@code [N, c4, D'/16, H'/16, W'/16]}. */
    public static final String GLOBAL = "global_features";

    private final SameDiff sd;
    private final UNetWidths widths;
    private final int batch;
    private final SpatialSize size;
    private final SpatialSize globalSize;

    BackboneGraph(SameDiff sd, UNetWidths widths, int batch, SpatialSize size, SpatialSize globalSize) {
        this.sd = sd;
        this.widths = widths;
        this.batch = batch;
        this.size = size;
        this.globalSize = globalSize;
    }

    /**
     * The two feature maps of one input.
     *
     * @param local  f {@code [N, c8, D, H, W]}
     * @param global g {@code [N, c4, D'/16, H'/16, W'/16]}
     */
    public record Features(INDArray local, INDArray global) {
    }

    /**
     * Computes the features of {@code image}.
     *
     * @param image {@code [batch, 1, size]} of this graph, any floating type (cast to float32)
     * @throws IllegalArgumentException naming both shapes when {@code image} does not fit this graph
     */
    public Features features(INDArray image) {
        long[] expected = size.shape(batch, 1);
        if (!Arrays.equals(image.shape(), expected)) {
            throw new IllegalArgumentException("the backbone graph takes an image of shape " + Arrays.toString(expected)
                    + ", got " + Arrays.toString(image.shape()));
        }
        Map<String, INDArray> out = sd.output(Map.of(IMAGE, image.castTo(sd.getVariable(IMAGE).dataType())),
                LOCAL, GLOBAL);
        return new Features(out.get(LOCAL), out.get(GLOBAL));
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public UNetWidths widths() {
        return widths;
    }

    public int batch() {
        return batch;
    }

    /** The spatial size of the input and of the local features. */
    public SpatialSize size() {
        return size;
    }

    /** The spatial size of the global features (the padded size divided by 16). */
    public SpatialSize globalSize() {
        return globalSize;
    }
}
