package org.gvsl.core.random;

import java.util.random.RandomGenerator;

/**
 * One draw from the uniform distribution on {@code [lo, hi)}: {@code lo + (hi − lo)·u} with one
 * {@code u = rng.nextDouble()}.
 *
 * <p>Why not {@code RandomGenerator.nextDouble(lo, hi)}: it throws for an empty range, and configurations may
 * fix a parameter by giving equal bounds (e.g. one elastic σ); this consumes exactly one draw either way, so the
 * draws after it do not depend on whether a range was empty.
 */
public final class Uniform {

    private Uniform() {
    }

    /** {@code lo + (hi − lo)·rng.nextDouble()}. */
    public static double draw(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
