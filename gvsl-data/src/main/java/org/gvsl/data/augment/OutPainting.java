package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.random.RandomGenerator;

/**
 * Out-painting (Models Genesis; an option, GVSL does not use it): the image is replaced by U[0, 1) noise except
 * inside one to {@code 1 + maxExtraBoxes} large boxes, where it is kept.
 *
 * <p>Box side per axis: {@code S − r} with {@code r = rng.nextInt(lo, hi)}, {@code lo = 3S/7}, {@code hi =
 * max(lo + 1, 4S/7)} (so roughly half to four sevenths of the axis), clamped to {@code [1, S]}; corner as {@link
 * RandomBox}. Draws, in order: the noise, one {@code rng.nextFloat()} per voxel in C order; the first box (the
 * three {@code r}, then the corner); then per extra box {@code u = rng.nextDouble()} (stop unless {@code u < 0.95})
 * followed by its sides and corner. Boxes copy the input's voxels.
 */
public final class OutPainting implements RandomTransform {

    private final int maxExtraBoxes;
    private final double continueProbability;

    /**
     * @param maxExtraBoxes       boxes after the first (Models Genesis 4)
     * @param continueProbability probability of each extra box (Models Genesis 0.95)
     */
    public OutPainting(int maxExtraBoxes, double continueProbability) {
        if (maxExtraBoxes < 0) {
            throw new IllegalArgumentException("max extra boxes must be >= 0, got " + maxExtraBoxes);
        }
        if (!(continueProbability >= 0 && continueProbability <= 1)) {
            throw new IllegalArgumentException("continue probability must be in [0, 1], got " + continueProbability);
        }
        this.maxExtraBoxes = maxExtraBoxes;
        this.continueProbability = continueProbability;
    }

    /** Models Genesis: one box and up to 4 more, p 0.95. */
    public static OutPainting modelsGenesis() {
        return new OutPainting(4, 0.95);
    }

    @Override
    public Volume apply(Volume input, RandomGenerator rng) {
        VolumeShape shape = input.shape();
        float[] out = new float[shape.voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextFloat();
        }
        keepBox(input, out, rng);
        for (int extra = 0; extra < maxExtraBoxes && rng.nextDouble() < continueProbability; extra++) {
            keepBox(input, out, rng);
        }
        return input.withVoxels(out);
    }

    private static void keepBox(Volume input, float[] out, RandomGenerator rng) {
        VolumeShape shape = input.shape();
        int[] side = new int[3];
        for (int a = 0; a < 3; a++) {
            int s = shape.size(a);
            int lo = 3 * s / 7;
            int r = rng.nextInt(lo, Math.max(lo + 1, 4 * s / 7));
            side[a] = Math.min(s, Math.max(1, s - r));
        }
        RandomBox b = RandomBox.withSizes(side, shape, rng);
        for (int d = 0; d < side[0]; d++) {
            for (int h = 0; h < side[1]; h++) {
                int row = shape.index(b.corner()[0] + d, b.corner()[1] + h, b.corner()[2]);
                for (int w = 0; w < side[2]; w++) {
                    out[row + w] = input.get(row + w);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OutPainting[maxExtraBoxes=" + maxExtraBoxes + ", p=" + continueProbability + "]";
    }
}
