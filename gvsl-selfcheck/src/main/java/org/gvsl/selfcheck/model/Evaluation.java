package org.gvsl.selfcheck.model;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small SameDiff graph evaluated once for a check: inputs become trainable variables (so gradients with respect
 * to them exist), the scalar {@code Σ(out·G)} (or a given loss) is the loss, and values and gradients are
 * compared with the case under the key suffix of the precision ({@code ""} or {@code "_f64"}).
 */
final class Evaluation {

    final SameDiff sd = GraphRuntime.newGraph();
    final DataType type;
    private final ReferenceCase referenceCase;
    private final Map<String, String> valueKeys = new HashMap<>();
    private final Map<String, String> gradientKeys = new HashMap<>();

    Evaluation(ReferenceCase referenceCase, DataType type) {
        this.referenceCase = referenceCase;
        this.type = type;
    }

    /** The key suffix of stored outputs in this precision. */
    String suffix() {
        return type == DataType.DOUBLE ? "_f64" : "";
    }

    /** A case array as a variable of this graph in this precision. */
    SDVariable variable(String key) {
        return sd.var(key, referenceCase.array(key).castTo(type));
    }

    /** A case array as a constant of this graph in this precision. */
    SDVariable constant(String key) {
        return sd.constant(key, referenceCase.array(key).castTo(type));
    }

    /** Compares {@code v} with the stored output {@code key + suffix()} (if the case stores that key). */
    void expectValue(SDVariable v, String key) {
        valueKeys.put(v.name(), key);
    }

    /** Compares the gradient of the loss with respect to {@code v} with the stored output {@code key + suffix()}. */
    void expectGradient(SDVariable v, String key) {
        gradientKeys.put(v.name(), key);
    }

    /** Uses {@code Σ(out · G)} with the case array {@code gKey} as the loss. */
    SDVariable sumProduct(SDVariable out, String gKey) {
        return out.mul(constant(gKey)).sum();
    }

    /** Runs the graph with {@code loss} as the loss variable and compares every registered output. */
    List<OutputResult> run(SDVariable loss) {
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        List<String> values = new ArrayList<>(valueKeys.keySet());
        List<String> grads = new ArrayList<>(gradientKeys.keySet());
        Map<String, INDArray> outs;
        Map<String, INDArray> gradients;
        if (grads.isEmpty()) {
            outs = sd.output(Map.of(), values);
            gradients = Map.of();
        } else {
            OutAndGrad result = sd.calculateGradientsAndOutputs(Map.of(), values, grads);
            outs = result.getOutputs();
            gradients = result.getGradients();
        }
        List<OutputResult> results = new ArrayList<>();
        valueKeys.forEach((name, key) -> compare(results, key, outs.get(name)));
        gradientKeys.forEach((name, key) -> compare(results, key, gradients.get(name)));
        return results;
    }

    /** Runs a graph without a loss (forward only). */
    List<OutputResult> runForward() {
        Map<String, INDArray> outs = sd.output(Map.of(), new ArrayList<>(valueKeys.keySet()));
        List<OutputResult> results = new ArrayList<>();
        valueKeys.forEach((name, key) -> compare(results, key, outs.get(name)));
        return results;
    }

    private void compare(List<OutputResult> results, String key, INDArray actual) {
        String stored = key + suffix();
        if (referenceCase.hasArray(stored)) {
            results.add(referenceCase.check(stored, actual));
        }
    }
}
