package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random mirroring (Models Genesis; an option, GVSL does not flip): the same flips applied to several volumes.
 *
 * <p>Draws, in order: while fewer than {@code maxFlips} flips are drawn and {@code rng.nextDouble() < p}, an
 * axis {@code rng.nextInt(3)} (0 = D, 1 = H, 2 = W) to reverse; flipping an axis twice restores it. Models
 * Genesis: {@code p = 0.4}, at most 3. The volumes keep their geometry: the image content is mirrored in the
 * world, as an augmentation should be (unlike {@link Volume#reindexed}, which keeps the world positions).
 */
public final class RandomFlip {

    private final double probability;
    private final int maxFlips;

    /**
     * @param probability probability of each further flip, in [0, 1]
     * @param maxFlips    most flips per call, at least 0
     */
    public RandomFlip(double probability, int maxFlips) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + probability);
        }
        if (maxFlips < 0) {
            throw new IllegalArgumentException("max flips must be >= 0, got " + maxFlips);
        }
        this.probability = probability;
        this.maxFlips = maxFlips;
    }

    /** Models Genesis: p 0.4, at most 3 flips. */
    public static RandomFlip modelsGenesis() {
        return new RandomFlip(0.4, 3);
    }

    /** Which axes (D, H, W) end up reversed, drawn as documented. */
    public boolean[] drawAxes(RandomGenerator rng) {
        boolean[] reverse = new boolean[3];
        for (int flips = 0; flips < maxFlips && rng.nextDouble() < probability; flips++) {
            int axis = rng.nextInt(3);
            reverse[axis] = !reverse[axis];
        }
        return reverse;
    }

    /** The volumes with the same drawn flips; inputs are not modified. */
    public List<Volume> apply(List<Volume> volumes, RandomGenerator rng) {
        return apply(volumes, drawAxes(rng));
    }

    /** The volumes with the given axes reversed (D, H, W). */
    public static List<Volume> apply(List<Volume> volumes, boolean[] reverse) {
        List<Volume> out = new ArrayList<>(volumes.size());
        for (Volume v : volumes) {
            out.add(reverse[0] || reverse[1] || reverse[2]
                    ? v.reindexed(new int[] {0, 1, 2}, reverse).withGeometry(v.geometry()) : v);
        }
        return out;
    }

    @Override
    public String toString() {
        return "RandomFlip[p=" + probability + ", maxFlips=" + maxFlips + "]";
    }
}
