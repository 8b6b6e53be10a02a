package org.gvsl.selfcheck.model;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The shared narrow-model weights of the {@code unet} and {@code gvsl_step} cases and the matching configuration. */
final class ReferenceWeights {

    private ReferenceWeights() {
    }

    /** The weights file named by the case, keyed by state-dict name. */
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

    /** The full model at the case's widths (the manifest's top-level {@code widths}). */
    static GvslConfig config(int[] widths, int nccWindow) {
        return GvslConfig.builder().optWidths(UNetWidths.of(widths)).optNccWindow(nccWindow).build();
    }
}
