package org.gvsl.selfcheck.model;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The shared model weights of the {@code unet} and {@code gvsl_step} cases and the U-Net widths they imply. */
final class ReferenceWeights {

    /** The U-Net blocks whose first convolution's output channels are the widths c0..c8. */
    private static final String[] BLOCKS = {"unet.inc", "unet.down1.maxpool_conv.1", "unet.down2.maxpool_conv.1",
            "unet.down3.maxpool_conv.1", "unet.down4.maxpool_conv.1", "unet.up1.conv", "unet.up2.conv",
            "unet.up3.conv", "unet.up4.conv"};

    private ReferenceWeights() {
    }

    /** The weights file named by the case's {@code weights_file}, keyed by state-dict name. */
    static Map<String, INDArray> of(ReferenceCase c) {
        return read(c, c.attribute("weights_file").asText());
    }

    /** An {@code .npz} file of the case's folder, read by the production reader {@link ModelWeights#readNpz}. */
    static Map<String, INDArray> read(ReferenceCase c, String fileName) {
        try {
            return ModelWeights.readNpz(new ByteArrayInputStream(c.file(fileName)), c.name() + "/" + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The widths c0..c8 read off the U-Net weights' output channels. */
    static int[] widthsOf(Map<String, INDArray> weights) {
        int[] widths = new int[BLOCKS.length];
        for (int i = 0; i < BLOCKS.length; i++) {
            INDArray w = weights.get(BLOCKS[i] + ".double_conv.0.weight");
            if (w == null) {
                throw new IllegalArgumentException("weights lack " + BLOCKS[i] + ".double_conv.0.weight");
            }
            widths[i] = (int) w.shape()[0];
        }
        return widths;
    }
}
