package org.gvsl.selfcheck.model;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.Tolerance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Case {@code weights}: the reference state dict loads into our full model at the case's {@code widths} name for
 * name and shape for shape, with nothing missing or left over, and the parameter counts match the case's.
 */
public final class WeightsCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "weights";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        Map<String, INDArray> weights = ReferenceWeights.read(c, c.fileOf("weights"));
        int[] widths = new int[c.attribute("widths").size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = c.attribute("widths").get(i).asInt();
        }
        // The smallest volume (one bottleneck voxel): the parameters do not depend on it.
        GvslGraph graph = GvslGraphFactory.build(GvslConfig.builder().optWidths(UNetWidths.of(widths)).build(), 1,
                SpatialSize.cube(UNet3D.FACTOR));
        ModelWeights.assign(graph.sameDiff(), weights, false);
        long model = 0;
        long unet = 0;
        double maxDiff = 0;
        for (Map.Entry<String, INDArray> p : graph.parameters().entrySet()) {
            model += p.getValue().length();
            if (p.getKey().startsWith("unet.")) {
                unet += p.getValue().length();
            }
            maxDiff = Math.max(maxDiff, p.getValue().castTo(weights.get(p.getKey()).dataType())
                    .sub(weights.get(p.getKey())).amaxNumber().doubleValue());
        }
        Tolerance exact = new Tolerance(0, 0);
        List<OutputResult> results = new ArrayList<>();
        results.add(new OutputResult(c.name(), "parameter_count",
                exact.compare(Nd4j.scalar(model), Nd4j.scalar(c.attribute("parameter_count").asLong()))));
        results.add(new OutputResult(c.name(), "unet_parameter_count",
                exact.compare(Nd4j.scalar(unet), Nd4j.scalar(c.attribute("unet_parameter_count").asLong()))));
        results.add(new OutputResult(c.name(), "loaded_values",
                exact.compare(Nd4j.scalar(maxDiff), Nd4j.scalar(0.0))));
        results.add(new OutputResult(c.name(), "tensor_count",
                exact.compare(Nd4j.scalar(graph.parameterNames().size()), Nd4j.scalar(weights.size()))));
        return results;
    }
}
