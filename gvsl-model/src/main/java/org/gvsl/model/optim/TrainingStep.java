package org.gvsl.model.optim;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimiser step of a SameDiff graph on one batch ({@code SameDiff.fit}) that also reports the values of chosen
 * scalar loss terms, taken from the forward pass that produced the step (before the update), without a second
 * forward pass.
 *
 * <p>The values are captured by a listener as the forward pass computes them. SameDiff 1.0.0-M2.1 computes during
 * {@code fit} only what the gradients need (its {@code TrainingSession} ignores the variables a listener asks for),
 * so each term must be an operand of a pairwise operation on the way to the loss, as the terms of a sum
 * {@code a + λ·b} are (the backward pass of a pairwise add reads both operands). A term the step did not compute is
 * an error, not a silent gap.
 */
public final class TrainingStep {

    private TrainingStep() {
    }

    /**
     * Runs one step and returns the named terms' values, in the order given.
     *
     * @param terms scalar variables of {@code sd}, each computed from the batch
     * @throws IllegalStateException naming a term that the step did not compute
     */
    public static Map<String, Double> fit(SameDiff sd, MultiDataSet batch, List<String> terms) {
        Recorder recorder = new Recorder(terms);
        sd.fit(batch, recorder);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String t : terms) {
            Double v = recorder.values.get(t);
            if (v == null) {
                throw new IllegalStateException("loss term '" + t + "' was not computed by the training step");
            }
            values.put(t, v);
        }
        return values;
    }

    /** Captures the terms' activations during {@code fit}. */
    private static final class Recorder extends BaseListener {
        private final List<String> names;
        private final Map<String, Double> values = new LinkedHashMap<>();

        Recorder(List<String> names) {
            this.names = List.copyOf(names);
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder().trainingVariables(names.toArray(String[]::new)).build();
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                        INDArray activation) {
            if (names.contains(varName)) {
                values.put(varName, activation.getDouble(0));
            }
        }
    }
}
