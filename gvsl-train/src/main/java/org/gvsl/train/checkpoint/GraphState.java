package org.gvsl.train.checkpoint;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * The training state of a SameDiff graph — parameters, updater (Adam) state and iteration count — saved to a
 * SameDiff file ({@code SameDiff.save(file, true)}) and restored from it into a graph built afresh from the same
 * configuration.
 *
 * <p>Why restore into a fresh graph instead of training the loaded one: the fresh graph is built by the same code
 * as an uninterrupted run's, so every op, and the order in which gradient contributions are summed, is the same;
 * that is what makes a resumed run reach bit-identical weights. The loaded file only supplies values.
 *
 * <p>ND4J 1.0.0-M2.1 creates a graph's updater state lazily in its first {@code fit} (the protected {@code
 * SameDiff.initializeTraining()}), and offers no public way to create or set it; {@link #restore} therefore calls
 * that method reflectively before copying the saved state into it.
 */
public final class GraphState {

    private GraphState() {
    }

    /** Writes parameters, updater state and iteration count of {@code sd} to {@code file} and forces it to disk. */
    public static void save(SameDiff sd, Path file) throws IOException {
        sd.save(file.toFile(), true);
        AtomicFile.force(file);
    }

    /**
     * Copies the parameters, updater state and iteration count saved in {@code file} into {@code target}.
     *
     * @throws IOException              when the file cannot be read as a SameDiff graph
     * @throws IllegalArgumentException when the saved graph does not match {@code target} (parameter names or
     *                                  shapes, updater state, or no training state saved); the message lists the
     *                                  differences
     */
    public static void restore(SameDiff target, Path file) throws IOException {
        SameDiff saved = GraphRuntime.load(file, true);
        copyParameters(saved, target, file);
        copyUpdaterState(saved, target, file);
        TrainingConfig from = saved.getTrainingConfig();
        TrainingConfig to = target.getTrainingConfig();
        to.setIterationCount(from.getIterationCount());
        to.setEpochCount(from.getEpochCount());
    }

    private static void copyParameters(SameDiff saved, SameDiff target, Path file) {
        TreeSet<String> expected = new TreeSet<>(parameterNames(target));
        TreeSet<String> found = new TreeSet<>(parameterNames(saved));
        if (!expected.equals(found)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(found);
            TreeSet<String> extra = new TreeSet<>(found);
            extra.removeAll(expected);
            throw new IllegalArgumentException(file + " does not hold this model's parameters: missing " + missing
                    + ", not in this model " + extra);
        }
        for (String name : expected) {
            INDArray to = target.getArrForVarName(name);
            INDArray from = saved.getArrForVarName(name);
            requireSameShape(file, name, from, to);
            to.assign(from);
        }
    }

    private static void copyUpdaterState(SameDiff saved, SameDiff target, Path file) {
        Map<String, GradientUpdater> from = saved.getUpdaterMap();
        if (saved.getTrainingConfig() == null || from == null || from.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no optimiser state (saved without it?)");
        }
        initializeTraining(target);
        Map<String, GradientUpdater> to = target.getUpdaterMap();
        if (!to.keySet().equals(from.keySet())) {
            throw new IllegalArgumentException(file + " holds optimiser state for " + new TreeSet<>(from.keySet())
                    + ", this model trains " + new TreeSet<>(to.keySet()));
        }
        for (Map.Entry<String, GradientUpdater> e : to.entrySet()) {
            Map<String, INDArray> toState = e.getValue().getState();
            Map<String, INDArray> fromState = from.get(e.getKey()).getState();
            if (!toState.keySet().equals(fromState.keySet())) {
                throw new IllegalArgumentException(file + ": optimiser state of '" + e.getKey() + "' has "
                        + fromState.keySet() + ", this optimiser keeps " + toState.keySet());
            }
            for (Map.Entry<String, INDArray> s : toState.entrySet()) {
                INDArray source = fromState.get(s.getKey());
                requireSameShape(file, e.getKey() + "/" + s.getKey(), source, s.getValue());
                s.getValue().assign(source);
            }
        }
    }

    private static void requireSameShape(Path file, String name, INDArray from, INDArray to) {
        if (!Arrays.equals(from.shape(), to.shape()) || from.dataType() != to.dataType()) {
            throw new IllegalArgumentException(file + ": '" + name + "' is " + from.dataType() + " "
                    + Arrays.toString(from.shape()) + ", this model has " + to.dataType() + " "
                    + Arrays.toString(to.shape()));
        }
    }

    private static java.util.List<String> parameterNames(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /** Creates the updater state of {@code sd} (zeros) as its first {@code fit} would. */
    private static void initializeTraining(SameDiff sd) {
        if (sd.getUpdaterMap() != null && !sd.getUpdaterMap().isEmpty()) {
            return;
        }
        try {
            Method m = SameDiff.class.getDeclaredMethod("initializeTraining");
            m.setAccessible(true);
            m.invoke(sd);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("SameDiff.initializeTraining failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the optimiser state with this ND4J version (expected the"
                    + " protected SameDiff.initializeTraining() of 1.0.0-M2.1)", e);
        }
    }
}
