package org.gvsl.model.gvsl;

import org.gvsl.model.optim.TrainingStep;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built GVSL pre-training graph ({@link GvslGraphFactory}): the SameDiff instance with named inputs, outputs and
 * losses, for one batch size and crop size.
 */
public final class GvslGraph {

    /** Placeholder: the appearance-transformed fixed image x_A^t {@code [N, 1, D, H, W]}. */
    public static final String FIXED = "fixed";
    /** Placeholder: the moving image x_B. */
    public static final String MOVING = "moving";
    /** Placeholder: the clean x_A, target of NCC and restoration. */
    public static final String TARGET = "target";

    public static final String GLOBAL_FIXED = "g_fixed";
    public static final String GLOBAL_MOVING = "g_moving";
    public static final String LOCAL_FIXED = "f_fixed";
    public static final String LOCAL_MOVING = "f_moving";
    /** The affine head's 15 raw values {@code [N, 15]}. */
    public static final String AFFINE_RAW = "affine_raw";
    /** {@code A = [M | t]} {@code [N, 3, 4]}. */
    public static final String AFFINE_MATRIX = "affine_matrix";
    /** L (M in voxel units, (x, y, z) order) {@code [N, 3, 3]}. */
    public static final String AFFINE_VOXEL_MATRIX = "affine_voxel_matrix";
    /** The affine displacement a {@code [N, 3, D, H, W]}. */
    public static final String AFFINE_FIELD = "affine_field";
    /** The deformable field u. */
    public static final String FLOW = "flow";
    /** The fused displacement Φ = a + L·u (equal to u without the affine head). */
    public static final String DVF = "dvf";
    /** The moving image warped by Φ. */
    public static final String WARPED = "warped";
    /** The restoration output. */
    public static final String RESTORED = "restored";
    public static final String LOSS_NCC = "loss_ncc";
    public static final String LOSS_SMOOTH = "loss_smooth";
    public static final String LOSS_MSE = "loss_mse";
    public static final String LOSS_TOTAL = "loss_total";

    /** SameDiff's name of a graph's gradient function ({@code SameDiff.GRAD_FN_KEY}). */
    private static final String GRADIENT_FUNCTION = "grad";

    private final SameDiff sd;
    private final GvslConfig config;
    private final int batch;
    private final SpatialSize size;
    private final List<String> inputs;

    GvslGraph(SameDiff sd, GvslConfig config, int batch, SpatialSize size, List<String> inputs) {
        this.sd = sd;
        this.config = config;
        this.batch = batch;
        this.size = size;
        this.inputs = List.copyOf(inputs);
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public GvslConfig config() {
        return config;
    }

    public int batch() {
        return batch;
    }

    public SpatialSize size() {
        return size;
    }

    /** Placeholder names, in the order {@link #fit} and {@link #inputs} expect the arrays. */
    public List<String> inputNames() {
        return inputs;
    }

    /** The loss terms this variant computes, total last. */
    public List<String> lossNames() {
        return Arrays.stream(new String[] {LOSS_NCC, LOSS_SMOOTH, LOSS_MSE, LOSS_TOTAL})
                .filter(sd::hasVariable).toList();
    }

    /** Whether the graph has an output of this name (e.g. {@link #DVF} is absent without the affine head). */
    public boolean has(String name) {
        return sd.hasVariable(name);
    }

    /**
     * The placeholder map for one batch, checked: each array must be {@code [N, 1, D, H, W]} of this graph.
     *
     * @param arrays fixed, (moving,) target, in the order of {@link #inputNames()}
     * @throws IllegalArgumentException naming the input and both shapes on a mismatch
     */
    public Map<String, INDArray> inputs(INDArray... arrays) {
        if (arrays.length != inputs.size()) {
            throw new IllegalArgumentException("expected " + inputs.size() + " arrays " + inputs + ", got "
                    + arrays.length);
        }
        long[] expected = size.shape(batch, 1);
        Map<String, INDArray> map = new LinkedHashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            if (!Arrays.equals(arrays[i].shape(), expected)) {
                throw new IllegalArgumentException("input '" + inputs.get(i) + "' must have shape "
                        + Arrays.toString(expected) + " (this graph's batch and crop size), got "
                        + Arrays.toString(arrays[i].shape()));
            }
            map.put(inputs.get(i), arrays[i].castTo(sd.getVariable(inputs.get(i)).dataType()));
        }
        return map;
    }

    /** Computes the named outputs for one batch (no training). */
    public Map<String, INDArray> output(Map<String, INDArray> inputs, String... names) {
        return sd.output(inputs, names);
    }

    /** Gradients of the total loss with respect to every trainable parameter, keyed by parameter name. */
    public Map<String, INDArray> gradients(Map<String, INDArray> inputs) {
        return outputsAndGradients(inputs).gradients();
    }

    /**
     * The outputs and the parameter gradients of one forward and backward pass.
     *
     * @param outputs  the named outputs, by variable name
     * @param gradients the gradient of the total loss for each trainable parameter, by parameter name
     */
    public record Pass(Map<String, INDArray> outputs, Map<String, INDArray> gradients) {
    }

    /**
     * Computes the named outputs and the gradients of the total loss with respect to every trainable parameter in
     * one pass (no training), freeing each intermediate array as soon as the pass no longer needs it.
     *
     * <p>Why not SameDiff's {@code calculateGradients} or {@code calculateGradientsAndOutputs}: once either has run
     * on a graph, no later pass of its gradient function frees an array after its last use, training steps
     * included (measured on a tiny GVSL graph: 3,371 of 3,499 op outputs freed by this pass, 86 by every pass after
     * one {@code calculateGradientsAndOutputs}; it sets {@code setEnableCache(false)} and its own listeners on the
     * gradient function). Holding every array of the pass, a full-width 32³ self-check was killed by the kernel at
     * 24 GB. This runs the same gradient function as an ordinary output pass, and leaves it as it was.
     */
    public Pass outputsAndGradients(Map<String, INDArray> inputs, String... outputs) {
        Map<String, String> parameterOfGradient = new LinkedHashMap<>();
        for (String name : parameterNames()) {
            SDVariable gradient = sd.getVariable(name).getGradient();
            if (gradient != null) {
                parameterOfGradient.put(gradient.name(), name);
            }
        }
        List<String> wanted = new ArrayList<>(Arrays.asList(outputs));
        wanted.addAll(parameterOfGradient.keySet());
        Map<String, INDArray> values = sd.getFunction(GRADIENT_FUNCTION).output(inputs, wanted);
        Map<String, INDArray> outs = new LinkedHashMap<>();
        for (String name : outputs) {
            outs.put(name, values.get(name));
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        parameterOfGradient.forEach((gradient, parameter) -> gradients.put(parameter, values.get(gradient)));
        return new Pass(outs, gradients);
    }

    /** Trainable parameter names (the reference state-dict names of this variant). */
    public List<String> parameterNames() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /** The current parameter values by name (views into the graph: copy before changing them). */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : parameterNames()) {
            params.put(name, sd.getArrForVarName(name));
        }
        return params;
    }

    /**
     * One Adam step on a batch. Returns the loss terms of the forward pass that produced the step (before the
     * update), keyed by {@link #lossNames()}.
     */
    public Map<String, Double> fit(Map<String, INDArray> inputs) {
        INDArray[] features = this.inputs.stream().map(inputs::get).toArray(INDArray[]::new);
        List<String> terms = lossNames().stream().filter(n -> !n.equals(LOSS_TOTAL)).toList();
        Map<String, Double> losses = TrainingStep.fit(sd, new MultiDataSet(features, null), terms);
        // SameDiff starts backpropagation from the loss variable's gradient and never evaluates the variable
        // itself during fit, so the total is formed here from its terms, with the graph's weights.
        losses.put(LOSS_TOTAL, losses.getOrDefault(LOSS_NCC, 0.0)
                + config.lambdaSmooth() * losses.getOrDefault(LOSS_SMOOTH, 0.0)
                + config.lambdaMse() * losses.getOrDefault(LOSS_MSE, 0.0));
        return losses;
    }
}
