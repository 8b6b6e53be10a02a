package org.gvsl.model.blocks;

import org.gvsl.core.random.IndexedRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Creates the trainable variables of a graph, named as in the reference state dict and initialised as the
 * reference does (spec §1 "Init").
 *
 * <p>Each tensor draws from its own generator, seeded from the model seed and the tensor's name, so a tensor's
 * initial values do not depend on the order in which blocks are built. The variables themselves come from a
 * {@link ParameterSource}: new variables of a SameDiff graph unless another source is given.
 */
public final class ParameterFactory {

    /** How a weight tensor is initialised. */
    public enum Init {
        /** Kaiming normal, fan-in, gain √2: {@code N(0, 2/fan_in)} (U-Net convolutions). */
        KAIMING_NORMAL,
        /** PyTorch's default for conv and linear layers: {@code U(±1/√fan_in)} (the heads). */
        UNIFORM_FAN_IN
    }

    private final ParameterSource source;
    private final long seed;

    /**
     * Parameters as new variables of {@code sd}.
     *
     * @param sd       the graph receiving the variables
     * @param dataType FLOAT for training, DOUBLE for gradient checks
     * @param seed     the model seed
     */
    public ParameterFactory(SameDiff sd, DataType dataType, long seed) {
        this(newVariables(sd, dataType), seed);
    }

    /**
     * Parameters from another source, which receives each tensor's name, shape and seeded initial values.
     *
     * @param seed the model seed
     */
    public ParameterFactory(ParameterSource source, long seed) {
        this.source = source;
        this.seed = seed;
    }

    /**
     * The default source: each tensor a new variable of {@code sd} holding its initial values in {@code dataType}.
     *
     * @throws IllegalArgumentException when {@code dataType} is not a floating-point type
     */
    public static ParameterSource newVariables(SameDiff sd, DataType dataType) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("parameters must have a floating-point type, got " + dataType);
        }
        return (name, shape, initial) -> sd.var(name, Nd4j.createFromArray(initial.get()).castTo(dataType)
                .reshape(shape));
    }

    /** A weight of the given shape; {@code fanIn} is the number of inputs per output unit. */
    public SDVariable weight(String name, Init init, long fanIn, long... shape) {
        return source.variable(name, shape, () -> {
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
            return values;
        });
    }

    /** A bias {@code [n]} drawn from {@code U(±1/√fan_in)} (PyTorch's default for every conv and linear bias). */
    public SDVariable bias(String name, long fanIn, long n) {
        return source.variable(name, new long[] {n}, () -> {
            double[] values = new double[Math.toIntExact(n)];
            fillUniform(values, 1.0 / Math.sqrt(fanIn), randomFor(name));
            return values;
        });
    }

    /** A tensor with every element equal to {@code value} (GroupNorm γ = 1, β = 0). */
    public SDVariable filled(String name, double value, long... shape) {
        return source.variable(name, shape, () -> {
            double[] values = new double[Math.toIntExact(count(shape))];
            java.util.Arrays.fill(values, value);
            return values;
        });
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
