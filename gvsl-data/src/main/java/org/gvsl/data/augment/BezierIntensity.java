package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;

import java.util.random.RandomGenerator;

/**
 * Bézier non-linear intensity transform (method.md §6): every voxel {@code v} becomes {@code curve.map(v)} for a
 * random {@link BezierCurve} through {@code (0,0), (x1,y1), (x2,y2), (1,1)}.
 *
 * <p>Draws, in order: {@code x1, y1, x2, y2}, each {@code rng.nextDouble()} (U[0, 1)); then, only when the
 * invert probability is above 0, {@code u = rng.nextDouble()}, and the curve is the inverted (decreasing)
 * Models Genesis variant if {@code u < invertProbability}. GVSL never inverts ({@link #gvsl()}); Models Genesis
 * inverts half the time ({@link #modelsGenesis()}). Intended for intensities in [0, 1]; values outside are
 * clamped to the curve's end values, as {@code np.interp} does. Computed in {@code double}, stored as
 * {@code float}.
 */
public final class BezierIntensity implements RandomTransform {

    private final int samples;
    private final double invertProbability;

    /**
     * @param samples           curve samples (the reference uses {@value BezierCurve#REFERENCE_SAMPLES})
     * @param invertProbability probability of the inverted curve, in [0, 1]
     */
    public BezierIntensity(int samples, double invertProbability) {
        if (samples < 2) {
            throw new IllegalArgumentException("Bezier samples must be >= 2, got " + samples);
        }
        if (!(invertProbability >= 0 && invertProbability <= 1)) {
            throw new IllegalArgumentException("invert probability must be in [0, 1], got " + invertProbability);
        }
        this.samples = samples;
        this.invertProbability = invertProbability;
    }

    /** GVSL: 100,000 samples, never inverted. */
    public static BezierIntensity gvsl() {
        return new BezierIntensity(BezierCurve.REFERENCE_SAMPLES, 0);
    }

    /** Models Genesis: 100,000 samples, inverted with probability 0.5. */
    public static BezierIntensity modelsGenesis() {
        return new BezierIntensity(BezierCurve.REFERENCE_SAMPLES, 0.5);
    }

    /** Draws a curve as documented in the class comment. */
    public BezierCurve drawCurve(RandomGenerator rng) {
        double x1 = rng.nextDouble();
        double y1 = rng.nextDouble();
        double x2 = rng.nextDouble();
        double y2 = rng.nextDouble();
        boolean inverted = invertProbability > 0 && rng.nextDouble() < invertProbability;
        return new BezierCurve(new double[][] {{0, 0}, {x1, y1}, {x2, y2}, {1, 1}}, samples, !inverted);
    }

    @Override
    public Volume apply(Volume input, RandomGenerator rng) {
        return apply(input, drawCurve(rng));
    }

    /** Maps every voxel through a given curve: {@code out = (float) curve.map(in)}. */
    public static Volume apply(Volume input, BezierCurve curve) {
        float[] out = input.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) curve.map(out[i]);
        }
        return input.withVoxels(out);
    }

    @Override
    public String toString() {
        return "BezierIntensity[samples=" + samples + ", invertProbability=" + invertProbability + "]";
    }
}
