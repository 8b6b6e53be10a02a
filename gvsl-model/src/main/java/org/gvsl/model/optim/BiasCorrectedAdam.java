package org.gvsl.model.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Adam exactly as Kingma &amp; Ba (2015, Algorithm 1) and PyTorch's {@code torch.optim.Adam}, for SameDiff's
 * {@code TrainingConfig}.
 * <pre>
 *   m ← β1·m + (1−β1)·g,   v ← β2·v + (1−β2)·g²,   t = iteration + 1
 *   θ ← θ − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * </pre>
 * Why not ND4J's {@code Adam}: it folds the bias corrections into the step size and adds ε to the uncorrected
 * {@code √v}, i.e. divides by {@code √v̂ + ε/√(1−β2ᵗ)}; at the first step ε acts 32× larger, so every weight whose
 * gradient is below about 1e-6 moves up to 25% less than in the reference, and the losses after one step differ
 * measurably from the reference case. State: {@code M} and {@code V} per parameter (saved with the model).
 */
public final class BiasCorrectedAdam implements IUpdater {

    /** The method's step size (spec §5, pre-training and transfer alike). */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    /** PyTorch's default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** PyTorch's default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private double learningRate;
    private double beta1;
    private double beta2;
    private double epsilon;

    /** For JSON deserialisation of a saved training configuration. */
    private BiasCorrectedAdam() {
    }

    public BiasCorrectedAdam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * Checks the hyper-parameters: a positive, finite step size, betas in [0, 1), a positive ε.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static void requireValid(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got beta1=" + beta1 + ", beta2=" + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("adamEpsilon must be positive, got " + epsilon);
        }
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of ND4J's IUpdater
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        BiasCorrectedAdamUpdater updater = new BiasCorrectedAdamUpdater(this);
        if (viewArray != null) {
            INDArray flat = viewArray.reshape(viewArray.length());
            updater.setStateViewArray(flat, new long[] {flat.length() / 2}, flat.ordering(), initializeViewArray);
        }
        return updater;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of ND4J's IUpdater
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        BiasCorrectedAdamUpdater updater = new BiasCorrectedAdamUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public BiasCorrectedAdam clone() {
        return new BiasCorrectedAdam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, org.nd4j.linalg.schedule.ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("BiasCorrectedAdam has a constant learning rate");
        }
        this.learningRate = lr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BiasCorrectedAdam a && a.learningRate == learningRate && a.beta1 == beta1
                && a.beta2 == beta2 && a.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "BiasCorrectedAdam" + Arrays.toString(new double[] {learningRate, beta1, beta2, epsilon});
    }
}
