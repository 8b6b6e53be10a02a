package org.gvsl.selfcheck.model;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The shared model weights of the {@code unet} and {@code gvsl_step} cases and the U-Net widths they imply. */
final class ReferenceWeights {

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

    /** The widths c0..c8 read off the U-Net weights' output channels ({@link UNet3D#widthsOf}). */
    static int[] widthsOf(Map<String, INDArray> weights) {
        return UNet3D.widthsOf(weights, "unet").toArray();
    }
}
