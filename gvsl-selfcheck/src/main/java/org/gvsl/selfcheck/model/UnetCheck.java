package org.gvsl.selfcheck.model;

import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Case {@code unet}: global and local features of the U-Net for every input {@code x0, x1, …} the case stores, at
 * the widths of the case's weights file; in float64 too where the case stores {@code g<i>_f64} or {@code f<i>_f64}.
 */
public final class UnetCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "unet";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        Map<String, INDArray> weights = ReferenceWeights.of(c);
        UNetWidths widths = UNetWidths.of(ReferenceWeights.widthsOf(weights));
        List<OutputResult> results = new ArrayList<>();
        for (int i = 0; c.hasArray("x" + i); i++) {
            List<DataType> types = c.hasArray("g" + i + "_f64") || c.hasArray("f" + i + "_f64")
                    ? List.of(DataType.FLOAT, DataType.DOUBLE) : List.of(DataType.FLOAT);
            for (DataType type : types) {
                Evaluation e = new Evaluation(c, type);
                UNet3D unet = new UNet3D(new ParameterFactory(e.sd, type, 0), "unet", widths);
                UNet3D.Features features = unet.forward(e.constant("x" + i), SpatialSize.of(c.array("x" + i).shape()));
                ModelWeights.assign(e.sd, weights, true);
                e.expectValue(features.global(), "g" + i);
                e.expectValue(features.local(), "f" + i);
                results.addAll(e.runForward());
            }
        }
        return results;
    }
}
