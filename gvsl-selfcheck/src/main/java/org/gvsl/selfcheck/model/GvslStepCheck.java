package org.gvsl.selfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.Tolerance;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case {@code gvsl_step}: one training step of the narrow full model built by {@link GvslGraphFactory}: every
 * stored intermediate, the losses, the gradient norm of every parameter tensor, three full gradients, and the
 * weights and losses after one Adam step. Float32 and float64.
 */
public final class GvslStepCheck implements CaseCheck {

    /** Case output key → graph variable name. */
    private static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    static {
        OUTPUTS.put("g_fixed", GvslGraph.GLOBAL_FIXED);
        OUTPUTS.put("g_moving", GvslGraph.GLOBAL_MOVING);
        OUTPUTS.put("raw", GvslGraph.AFFINE_RAW);
        OUTPUTS.put("A", GvslGraph.AFFINE_MATRIX);
        OUTPUTS.put("a", GvslGraph.AFFINE_FIELD);
        OUTPUTS.put("u", GvslGraph.FLOW);
        OUTPUTS.put("phi", GvslGraph.DVF);
        OUTPUTS.put("warped", GvslGraph.WARPED);
        OUTPUTS.put("restored", GvslGraph.RESTORED);
        OUTPUTS.put("loss_ncc", GvslGraph.LOSS_NCC);
        OUTPUTS.put("loss_smooth", GvslGraph.LOSS_SMOOTH);
        OUTPUTS.put("loss_mse", GvslGraph.LOSS_MSE);
        OUTPUTS.put("loss_total", GvslGraph.LOSS_TOTAL);
    }

    /** Parameters whose full gradient and updated value the case stores (key suffix → state-dict name). */
    private static final Map<String, String> FULL = Map.of(
            "fc_rot_weight", "fc_rot.weight",
            "out_flow_weight", "out_flow.weight",
            "unet_inc_double_conv_0_weight", "unet.inc.double_conv.0.weight");

    @Override
    public String caseName() {
        return "gvsl_step";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        results.addAll(run(c, DataType.FLOAT));
        results.addAll(run(c, DataType.DOUBLE));
        return results;
    }

    private List<OutputResult> run(ReferenceCase c, DataType type) {
        String suffix = type == DataType.DOUBLE ? "_f64" : "";
        Map<String, INDArray> weights = ReferenceWeights.of(c);
        long[] shape = c.array("fixed").shape();
        GvslGraph graph = GvslGraphFactory.build(
                ReferenceWeights.config(UnetCheck.widthsOf(weights), c.attribute("ncc_window").asInt()),
                (int) shape[0], SpatialSize.of(shape), type);
        ModelWeights.assign(graph.sameDiff(), weights, false);
        Map<String, INDArray> inputs = graph.inputs(c.array("fixed"), c.array("moving"), c.array("target"));

        List<OutputResult> results = new ArrayList<>();
        Map<String, INDArray> outs = graph.output(inputs, OUTPUTS.values().toArray(String[]::new));
        OUTPUTS.forEach((key, name) -> {
            if (c.hasArray(key + suffix)) {
                results.add(c.check(key + suffix, outs.get(name)));
            }
        });

        Map<String, INDArray> gradients = graph.gradients(inputs);
        FULL.forEach((key, name) -> {
            if (c.hasArray("grad_" + key + suffix)) {
                results.add(c.check("grad_" + key + suffix, gradients.get(name)));
            }
        });
        if (type == DataType.FLOAT) {
            results.addAll(gradientNorms(c, gradients));
        }

        graph.fit(inputs);
        Map<String, INDArray> after = graph.output(inputs, GvslGraph.LOSS_NCC, GvslGraph.LOSS_SMOOTH,
                GvslGraph.LOSS_MSE, GvslGraph.LOSS_TOTAL);
        for (String loss : List.of("loss_ncc", "loss_smooth", "loss_mse", "loss_total")) {
            results.add(c.check(loss + "_after" + suffix, after.get(OUTPUTS.get(loss))));
        }
        if (type == DataType.FLOAT) {
            Map<String, INDArray> params = graph.parameters();
            FULL.forEach((key, name) -> results.add(c.check("updated_" + key, params.get(name))));
        }
        return results;
    }

    /** The Frobenius norm of each parameter's gradient against {@code gvsl_step__grad_norms.json}. */
    private static List<OutputResult> gradientNorms(ReferenceCase c, Map<String, INDArray> gradients) {
        JsonNode norms = c.json("gvsl_step__grad_norms.json");
        List<OutputResult> results = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : norms.properties()) {
            INDArray gradient = gradients.get(e.getKey());
            if (gradient == null) {
                throw new IllegalStateException("the model has no gradient for reference tensor " + e.getKey());
            }
            JsonNode tol = e.getValue().get("tolerance");
            Tolerance tolerance = new Tolerance(tol.get("atol").asDouble(), tol.get("rtol").asDouble());
            double norm = gradient.castTo(DataType.DOUBLE).norm2Number().doubleValue();
            results.add(new OutputResult(c.name(), "grad_norm[" + e.getKey() + "]",
                    tolerance.compare(Nd4j.scalar(norm), Nd4j.scalar(e.getValue().get("norm_f32").asDouble()))));
        }
        return results;
    }
}
