package org.gvsl.core.random;

import java.util.SplittableRandom;

/**
 * The random generator of item {@code index} of a run seeded with {@code seed}:
 * {@code new SplittableRandom(mix64(seed ^ mix64(index + γ)))}, with SplitMix64's finaliser {@code mix64} and
 * golden gamma {@code γ = 0x9E3779B97F4A7C15}.
 *
 * <p>Mixing both numbers matters: {@code SplittableRandom(s)} and {@code SplittableRandom(s + γ)} produce the same
 * stream shifted by one, so seeds such as {@code seed + index} would make neighbouring items share draws. A step's
 * batch, a synthetic case and a cohort member are each drawn from their own {@code forIndex(seed, index)}.
 */
public final class IndexedRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private IndexedRandom() {
    }

    /** A fresh generator for item {@code index} of the run {@code seed}; equal arguments give equal streams. */
    public static SplittableRandom forIndex(long seed, long index) {
        return new SplittableRandom(mix64(seed ^ mix64(index + GOLDEN_GAMMA)));
    }

    /** SplitMix64's output finaliser (Stafford variant 13): a bijection on 64-bit values that mixes every bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
