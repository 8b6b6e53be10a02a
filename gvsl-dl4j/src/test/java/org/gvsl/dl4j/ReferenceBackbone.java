package org.gvsl.dl4j;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.ReferenceCases;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The bundled reference case {@code unet}: the narrow U-Net's weights ({@code gvsl_weights.npz}, widths
 * 8,16,32,64,128,64,32,16,8), an input that needs padding ({@code x1}, 20×28×24) and PyTorch's features of it; and
 * the same U-Net as our SameDiff graph.
 */
final class ReferenceBackbone {

    static final ReferenceCase CASE = ReferenceCases.bundled().get("unet");

    private ReferenceBackbone() {
    }

    /** Every array of the reference weights file (U-Net and Z-Matching heads) by state-dict name. */
    static Map<String, INDArray> allWeights() {
        String file = CASE.attribute("weights_file").asText();
        try {
            return ModelWeights.readNpz(new ByteArrayInputStream(CASE.file(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backbone of the reference weights. */
    static PretrainedBackbone backbone() {
        return PretrainedBackbone.of(allWeights());
    }

    /** The input {@code x1 [1, 1, 20, 28, 24]}. */
    static INDArray input() {
        return CASE.array("x1");
    }

    /** Our SameDiff U-Net with the reference weights on {@code x}: {@code {local, global}} features. */
    static INDArray[] sameDiffFeatures(INDArray x) {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, x.shape());
        UNet3D.Features f = new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 0), BackboneParamNames.PREFIX,
                backbone().widths()).forward(in, SpatialSize.of(x.shape()));
        ModelWeights.assign(sd, backbone().weights(), false);
        Map<String, INDArray> out = sd.output(Map.of("x", x), f.local().name(), f.global().name());
        return new INDArray[] {out.get(f.local().name()), out.get(f.global().name())};
    }
}
