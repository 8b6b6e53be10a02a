package org.gvsl.selfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.gvsl.StepMemoryEstimate;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.Tolerance;
import org.gvsl.reference.UnsupportedCaseException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case {@code gvsl_step}: one training step of the full model built by {@link GvslGraphFactory} at the widths of
 * the case's weights, with the case's {@code ncc_window}, {@code loss_weights} and {@code adam} settings: every
 * stored intermediate, the losses, the gradient norm of every parameter tensor, the full gradients the case
 * stores ({@code grad_<name>} for each parameter {@code name}, dots as underscores), and the weights and losses
 * after one Adam step. Float32 and float64.
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

    private static final List<String> LOSSES = List.of("loss_ncc", "loss_smooth", "loss_mse", "loss_total");

    /** The manifest's name of the JSON file of gradient norms, among the case's {@code json_files}. */
    private static final String GRADIENT_NORMS_FILE = "grad_norms.json";

    @Override
    public String caseName() {
        return "gvsl_step";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        Map<String, INDArray> weights = ReferenceWeights.of(c);
        GvslConfig config = config(c, ReferenceWeights.widthsOf(weights));
        requireFits(c, config, weights);
        List<OutputResult> results = new ArrayList<>();
        results.addAll(run(c, config, weights, DataType.FLOAT));
        results.addAll(run(c, config, weights, DataType.DOUBLE));
        return results;
    }

    /**
     * Refuses, before anything runs, a case whose float64 pass (the larger: twice the bytes of the float32 one,
     * which is freed before it) would not fit in the memory this process can reach, naming the estimate.
     */
    private static void requireFits(ReferenceCase c, GvslConfig config, Map<String, INDArray> weights) {
        long[] shape = c.array("fixed").shape();
        SpatialSize size = SpatialSize.of(shape);
        StepMemoryEstimate.of(config, weights.values().stream().mapToLong(INDArray::length).sum(), (int) shape[0],
                size, DataType.DOUBLE).requireFits("the float64 pass of case " + c.name() + " (widths "
                + config.widths() + ", " + size + ", batch " + shape[0] + ")");
    }

    /** The model and optimiser the case describes. */
    static GvslConfig config(ReferenceCase c, int[] widths) {
        JsonNode lossWeights = c.attribute("loss_weights");
        if (lossWeights.path("ncc").asDouble(Double.NaN) != 1.0) {
            throw new UnsupportedCaseException("case " + c.name() + " weighs the NCC loss by "
                    + lossWeights.get("ncc") + "; this build's GVSL loss weighs it by 1 only");
        }
        JsonNode adam = c.attribute("adam");
        return GvslConfig.builder().optWidths(UNetWidths.of(widths))
                .optNccWindow(c.attribute("ncc_window").asInt())
                .optLambdaSmooth(required(c, lossWeights, "smooth"))
                .optLambdaMse(required(c, lossWeights, "mse"))
                .optLearningRate(required(c, adam, "lr"))
                .optAdam(required(c, adam, "beta1"), required(c, adam, "beta2"), required(c, adam, "eps"))
                .build();
    }

    private static double required(ReferenceCase c, JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("case " + c.name() + " lacks the number \"" + key + "\" in " + object);
        }
        return value.asDouble();
    }

    /**
     * One precision: the outputs and gradients of the stored weights on one graph, then the Adam step on a fresh
     * graph. Each graph keeps the arrays of its passes (SameDiff's sessions) for as long as it lives, so the two
     * are built apart and collected between (bundled case: 10 GB resident when one graph ran all passes).
     */
    private List<OutputResult> run(ReferenceCase c, GvslConfig config, Map<String, INDArray> weights, DataType type) {
        List<OutputResult> results = new ArrayList<>(outputsAndGradients(c, config, weights, type));
        NativeMemory.releaseAfterStep();
        results.addAll(afterOneStep(c, config, weights, type));
        NativeMemory.releaseAfterStep();
        return results;
    }

    private static GvslGraph graph(ReferenceCase c, GvslConfig config, Map<String, INDArray> weights, DataType type) {
        long[] shape = c.array("fixed").shape();
        GvslGraph graph = GvslGraphFactory.build(config, (int) shape[0], SpatialSize.of(shape), type);
        ModelWeights.assign(graph.sameDiff(), weights, false);
        return graph;
    }

    private static Map<String, INDArray> inputs(ReferenceCase c, GvslGraph graph) {
        return graph.inputs(c.array("fixed"), c.array("moving"), c.array("target"));
    }

    private static String suffix(DataType type) {
        return type == DataType.DOUBLE ? "_f64" : "";
    }

    /** Every stored intermediate and loss, the stored full gradients and (float32) every gradient norm. */
    private static List<OutputResult> outputsAndGradients(ReferenceCase c, GvslConfig config,
                                                          Map<String, INDArray> weights, DataType type) {
        String suffix = suffix(type);
        GvslGraph graph = graph(c, config, weights, type);
        Map<String, INDArray> inputs = inputs(c, graph);
        List<OutputResult> results = new ArrayList<>();
        // One pass for both: a separate forward pass would keep its own session's arrays alive meanwhile.
        GvslGraph.Pass pass = graph.outputsAndGradients(inputs, OUTPUTS.values().toArray(String[]::new));
        Map<String, INDArray> outs = pass.outputs();
        OUTPUTS.forEach((key, name) -> {
            if (c.hasArray(key + suffix)) {
                results.add(c.check(key + suffix, outs.get(name)));
            }
        });
        Map<String, INDArray> gradients = pass.gradients();
        for (String name : graph.parameterNames()) {
            if (c.hasArray(gradientKey(name) + suffix)) {
                results.add(c.check(gradientKey(name) + suffix, gradients.get(name)));
            }
        }
        if (type == DataType.FLOAT) {
            results.addAll(gradientNorms(c, gradients));
        }
        return results;
    }

    /** The losses after one Adam step and (float32) the updated parameters the case stores. */
    private static List<OutputResult> afterOneStep(ReferenceCase c, GvslConfig config, Map<String, INDArray> weights,
                                                   DataType type) {
        String suffix = suffix(type);
        GvslGraph graph = graph(c, config, weights, type);
        Map<String, INDArray> inputs = inputs(c, graph);
        graph.fit(inputs);
        List<OutputResult> results = new ArrayList<>();
        Map<String, INDArray> after = graph.output(inputs, LOSSES.stream().map(OUTPUTS::get).toArray(String[]::new));
        for (String loss : LOSSES) {
            if (c.hasArray(loss + "_after" + suffix)) {
                results.add(c.check(loss + "_after" + suffix, after.get(OUTPUTS.get(loss))));
            }
        }
        if (type == DataType.FLOAT) {
            Map<String, INDArray> params = graph.parameters();
            for (String name : graph.parameterNames()) {
                if (c.hasArray(updatedKey(name))) {
                    results.addAll(updated(c, name, params.get(name), config.learningRate()));
                }
            }
        }
        return results;
    }

    /** {@code grad_fc_rot_weight} for {@code fc_rot.weight}: the case's key of a parameter's full gradient. */
    private static String gradientKey(String parameter) {
        return "grad_" + parameter.replace('.', '_');
    }

    private static String updatedKey(String parameter) {
        return "updated_" + parameter.replace('.', '_');
    }

    /**
     * A parameter after the Adam step against {@code updated_<name>}. The first step moves each element by about
     * {@code lr·sign(g)}; where the reference gradient is within its own tolerance of zero (the case counts these
     * elements as {@code elements_with_sign_unstable_gradient}) the sign may differ between two correct
     * implementations, so those elements are compared apart, allowed {@code 2·lr} more.
     */
    private static List<OutputResult> updated(ReferenceCase c, String name, INDArray actual, double learningRate) {
        String key = updatedKey(name);
        JsonNode declared = c.arrayEntry(key).path("tolerance").path("elements_with_sign_unstable_gradient");
        if (declared.asInt(0) == 0) {
            return List.of(c.check(key, actual));
        }
        String gradient = gradientKey(name) + (c.hasArray(gradientKey(name) + "_f64") ? "_f64" : "");
        double gradientAtol = c.tolerance(gradientKey(name)).atol();
        double[] g = c.array(gradient).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] e = c.array(key).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        List<Double> stableA = new ArrayList<>();
        List<Double> stableE = new ArrayList<>();
        List<Double> unstableA = new ArrayList<>();
        List<Double> unstableE = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            boolean unstable = Math.abs(g[i]) <= gradientAtol;
            (unstable ? unstableA : stableA).add(a[i]);
            (unstable ? unstableE : stableE).add(e[i]);
        }
        if (unstableA.size() != declared.asInt()) {
            throw new IllegalArgumentException("case " + c.name() + " declares " + declared.asInt()
                    + " sign-unstable elements of " + key + " but " + gradient + " has " + unstableA.size()
                    + " within its tolerance " + gradientAtol + " of zero");
        }
        Tolerance tolerance = c.tolerance(key);
        Tolerance unstableTolerance = new Tolerance(tolerance.atol() + 2 * learningRate, tolerance.rtol());
        return List.of(
                new OutputResult(c.name(), key, tolerance.compare(vector(stableA), vector(stableE))),
                new OutputResult(c.name(), key + "[sign-unstable]",
                        unstableTolerance.compare(vector(unstableA), vector(unstableE))));
    }

    private static INDArray vector(List<Double> values) {
        return Nd4j.createFromArray(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The Frobenius norm of each parameter's gradient against the case's JSON file of gradient norms. */
    private static List<OutputResult> gradientNorms(ReferenceCase c, Map<String, INDArray> gradients) {
        List<OutputResult> results = new ArrayList<>();
        if (!c.hasAttribute("json_files")) {
            return results;
        }
        for (Map.Entry<String, JsonNode> file : c.attribute("json_files").properties()) {
            if (!file.getKey().endsWith(GRADIENT_NORMS_FILE)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : c.json(file.getKey()).properties()) {
                INDArray gradient = gradients.get(e.getKey());
                if (gradient == null) {
                    throw new IllegalStateException("the model has no gradient for reference tensor " + e.getKey());
                }
                JsonNode tol = e.getValue().get("tolerance");
                Tolerance tolerance = new Tolerance(tol.get("atol").asDouble(), tol.get("rtol").asDouble());
                double norm = gradient.castTo(DataType.DOUBLE).norm2Number().doubleValue();
                results.add(new OutputResult(c.name(), "grad_norm[" + e.getKey() + "]", tolerance.compare(
                        Nd4j.scalar(norm), Nd4j.scalar(e.getValue().get("norm_f32").asDouble()))));
            }
        }
        return results;
    }
}
