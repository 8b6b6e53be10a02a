package org.gvsl.model.blocks;

import org.gvsl.core.random.IndexedRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Creates the trainable variables of a graph, named as in the reference state dict and initialised as the
 * reference does (spec §1 "Init").
 *
 * <p>Each tensor draws from its own generator, seeded from the model seed and the tensor's name, so a tensor's
 * initial values do not depend on the order in which blocks are built.
 */
public final class ParameterFactory {

    /** How a weight tensor is initialised. */
    public enum Init {
        /** Kaiming normal, fan-in, gain √2: {@code N(0, 2/fan_in)} (U-Net convolutions). */
        KAIMING_NORMAL,
        /** PyTorch's default for conv and linear layers: {@code U(±1/√fan_in)} (the heads). */
        UNIFORM_FAN_IN
    }

    private final SameDiff sd;
    private final DataType dataType;
    private final long seed;

    /**
     * @param sd       the graph receiving the variables
     * @param dataType FLOAT for training, DOUBLE for gradient checks
     * @param seed     the model seed
     */
    public ParameterFactory(SameDiff sd, DataType dataType, long seed) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("parameters must have a floating-point type, got " + dataType);
        }
        this.sd = sd;
        this.dataType = dataType;
        this.seed = seed;
    }

    /** A weight of the given shape; {@code fanIn} is the number of inputs per output unit. */
    public SDVariable weight(String name, Init init, long fanIn, long... shape) {
        SplittableRandom random = randomFor(name);
        double[] values = new double[Math.toIntExact(count(shape))];
        switch (init) {
            case KAIMING_NORMAL -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < values.length; i++) {
                    values[i] = std * random.nextGaussian();
                }
            }
            case UNIFORM_FAN_IN -> fillUniform(values, 1.0 / Math.sqrt(fanIn), random);
        }
        return variable(name, values, shape);
    }

    /** A bias {@code [n]} drawn from {@code U(±1/√fan_in)} (PyTorch's default for every conv and linear bias). */
    public SDVariable bias(String name, long fanIn, long n) {
        double[] values = new double[Math.toIntExact(n)];
        fillUniform(values, 1.0 / Math.sqrt(fanIn), randomFor(name));
        return variable(name, values, n);
    }

    /** A tensor with every element equal to {@code value} (GroupNorm γ = 1, β = 0). */
    public SDVariable filled(String name, double value, long... shape) {
        double[] values = new double[Math.toIntExact(count(shape))];
        java.util.Arrays.fill(values, value);
        return variable(name, values, shape);
    }

    private SDVariable variable(String name, double[] values, long... shape) {
        INDArray array = Nd4j.createFromArray(values).castTo(dataType).reshape(shape);
        return sd.var(name, array);
    }

    private SplittableRandom randomFor(String name) {
        return IndexedRandom.forIndex(seed, name.hashCode());
    }

    private static void fillUniform(double[] values, double bound, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-bound, bound);
        }
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
