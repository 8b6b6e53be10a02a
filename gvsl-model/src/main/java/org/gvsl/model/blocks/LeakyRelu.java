package org.gvsl.model.blocks;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Leaky rectifier {@code y = x} for {@code x > 0}, {@code y = α·x} otherwise (α = 0.2 in GVSL).
 *
 * <p>In float32 graphs this is ND4J's native {@code leakyrelu}. In float64 graphs it is composed as
 * {@code max(x, α·x)} (for 0 &lt; α &lt; 1), because the native op's backward pass rounds α to float32
 * (0.2 → 0.20000000298), which puts a 1.5e-8 relative error into every gradient that flows through a negative
 * input and defeats float64 gradient checks against the reference.
 */
public final class LeakyRelu {

    private LeakyRelu() {
    }

    /** Applies the activation with slope {@code alpha ∈ (0, 1)} to any tensor. */
    public static SDVariable apply(SDVariable x, double alpha) {
        requireSlope(alpha);
        if (x.dataType() == DataType.DOUBLE) {
            return x.getSameDiff().math.max(x, x.mul(alpha));
        }
        return x.getSameDiff().nn.leakyRelu(x, alpha);
    }

    /** @throws IllegalArgumentException unless {@code alpha ∈ (0, 1)} (the value is in the message) */
    static void requireSlope(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("LeakyReLU slope must lie in (0, 1), got " + alpha);
        }
    }
}
