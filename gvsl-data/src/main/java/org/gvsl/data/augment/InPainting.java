package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.random.RandomGenerator;

/**
 * In-painting (method.md §6): up to {@code maxBoxes} boxes of the image are replaced by U[0, 1) noise.
 *
 * <p>GVSL ({@link #gvsl()}): at most 30 boxes, another one drawn while {@code U[0,1) < 0.95}, side per axis in
 * {@code [S/10, S/5)}, corner in {@code [3, S − side − 3)}. Models Genesis ({@link #modelsGenesis()}): at most 5
 * boxes with sides in {@code [S/6, S/3)}.
 *
 * <p>Draws, in order, per box: {@code u = rng.nextDouble()} (stop unless {@code u < continueProbability}); the
 * side along D, H, W: {@code rng.nextInt(lo, hi)} with {@code lo = max(1, S/a)}, {@code hi = min(S + 1, max(lo + 1,
 * S/b))} for divisors {@code (a, b)}; the corner along D, H, W ({@link RandomBox}); then the noise, one {@code
 * rng.nextFloat()} per box voxel in C order. No draw is made once {@code maxBoxes} boxes are painted.
 */
public final class InPainting implements RandomTransform {

    private final int maxBoxes;
    private final double continueProbability;
    private final int lowDivisor;
    private final int highDivisor;

    /**
     * @param maxBoxes            most boxes per call (GVSL 30)
     * @param continueProbability probability of each further box (GVSL 0.95)
     * @param lowDivisor          side lower bound {@code S / lowDivisor} (GVSL 10)
     * @param highDivisor         side upper bound (exclusive) {@code S / highDivisor} (GVSL 5)
     */
    public InPainting(int maxBoxes, double continueProbability, int lowDivisor, int highDivisor) {
        if (maxBoxes < 0) {
            throw new IllegalArgumentException("max boxes must be >= 0, got " + maxBoxes);
        }
        if (!(continueProbability >= 0 && continueProbability <= 1)) {
            throw new IllegalArgumentException("continue probability must be in [0, 1], got " + continueProbability);
        }
        if (highDivisor < 1 || lowDivisor < highDivisor) {
            throw new IllegalArgumentException("side divisors must satisfy lowDivisor >= highDivisor >= 1, got "
                    + lowDivisor + ", " + highDivisor);
        }
        this.maxBoxes = maxBoxes;
        this.continueProbability = continueProbability;
        this.lowDivisor = lowDivisor;
        this.highDivisor = highDivisor;
    }

    /** GVSL: ≤ 30 boxes, p 0.95, sides {@code [S/10, S/5)}. */
    public static InPainting gvsl() {
        return new InPainting(30, 0.95, 10, 5);
    }

    /** Models Genesis: ≤ 5 boxes, p 0.95, sides {@code [S/6, S/3)}. */
    public static InPainting modelsGenesis() {
        return new InPainting(5, 0.95, 6, 3);
    }

    @Override
    public Volume apply(Volume input, RandomGenerator rng) {
        VolumeShape shape = input.shape();
        float[] out = input.toArray();
        for (int box = 0; box < maxBoxes && rng.nextDouble() < continueProbability; box++) {
            RandomBox b = RandomBox.withSizes(drawSides(shape, rng), shape, rng);
            for (int d = 0; d < b.size()[0]; d++) {
                for (int h = 0; h < b.size()[1]; h++) {
                    int row = shape.index(b.corner()[0] + d, b.corner()[1] + h, b.corner()[2]);
                    for (int w = 0; w < b.size()[2]; w++) {
                        out[row + w] = rng.nextFloat();
                    }
                }
            }
        }
        return input.withVoxels(out);
    }

    private int[] drawSides(VolumeShape shape, RandomGenerator rng) {
        int[] side = new int[3];
        for (int a = 0; a < 3; a++) {
            int s = shape.size(a);
            int lo = Math.max(1, s / lowDivisor);
            int hi = Math.min(s + 1, Math.max(lo + 1, s / highDivisor));
            side[a] = rng.nextInt(lo, hi);
        }
        return side;
    }

    @Override
    public String toString() {
        return "InPainting[maxBoxes=" + maxBoxes + ", p=" + continueProbability + ", sides=[S/" + lowDivisor + ", S/"
                + highDivisor + ")]";
    }
}
