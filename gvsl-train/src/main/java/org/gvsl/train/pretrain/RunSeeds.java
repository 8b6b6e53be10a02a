package org.gvsl.train.pretrain;

import org.gvsl.core.random.IndexedRandom;

/**
 * Seeds derived from a run's seed for the draws that are not a training step's batch, so that no two uses share a
 * stream: the loader draws step {@code s ≥ 0} from {@code IndexedRandom.forIndex(seed, s)}, and each derived seed
 * here is the first value of {@code forIndex(seed, i)} for its own negative {@code i}.
 */
public final class RunSeeds {

    private RunSeeds() {
    }

    /** Seed of the built-in synthetic volumes. */
    public static long syntheticData(long seed) {
        return IndexedRandom.forIndex(seed, -1).nextLong();
    }

    /** Seed of the preview pair's crops and augmentations. */
    public static long preview(long seed) {
        return IndexedRandom.forIndex(seed, -2).nextLong();
    }
}
