package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.random.RandomGenerator;

/**
 * Local pixel shuffling (method.md §6): many small blocks of the image get their voxels permuted.
 *
 * <p>Blocks are read from the <em>input</em> and written, permuted, into a copy in drawing order, so a later
 * block overwrites an earlier one where they overlap (as the reference does). GVSL ({@link #gvsl()}): 5000
 * blocks of the fixed size {@code max(1, S/20)} per axis, and <b>one permutation of the within-block positions
 * shared by all blocks</b> (the reference's {@code np.random.shuffle(window.T)}). Models Genesis ({@link
 * #modelsGenesis()}): 10,000 blocks of random size {@code 1..max(1, S/10)} per axis, each with its own
 * permutation. A permutation {@code π} moves the voxel at within-block position {@code π[p]} (C order) to
 * position {@code p}.
 *
 * <p>Draws, in order: with a shared permutation, first that permutation (Fisher–Yates: for {@code i = n−1} down
 * to 1, {@code j = rng.nextInt(i + 1)}, swap {@code π[i], π[j]}, starting from the identity); then for each block:
 * with random sizes, its sizes along D, H, W ({@code rng.nextInt(1, max + 1)}); its corner along D, H, W ({@code
 * rng.nextInt(max(1, S − size))}, i.e. {@code [0, S − size)} as numpy's {@code randint}); with independent
 * permutations, its own permutation (Fisher–Yates as above).
 */
public final class LocalShuffle implements RandomTransform {

    private final int blockCount;
    private final int blockDivisor;
    private final boolean randomSizes;
    private final boolean independentPermutations;

    private LocalShuffle(Builder b) {
        this.blockCount = b.blockCount;
        this.blockDivisor = b.blockDivisor;
        this.randomSizes = b.randomSizes;
        this.independentPermutations = b.independentPermutations;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** GVSL: 5000 blocks of {@code S/20}, one shared permutation. */
    public static LocalShuffle gvsl() {
        return builder().build();
    }

    /** Models Genesis: 10,000 blocks of random size up to {@code S/10}, independent permutations. */
    public static LocalShuffle modelsGenesis() {
        return builder().optBlockCount(10_000).optBlockDivisor(10).optRandomBlockSizes(true)
                .optIndependentPermutations(true).build();
    }

    @Override
    public Volume apply(Volume input, RandomGenerator rng) {
        VolumeShape shape = input.shape();
        int[] maxSize = new int[3];
        for (int a = 0; a < 3; a++) {
            maxSize[a] = Math.max(1, shape.size(a) / blockDivisor);
        }
        int[] shared = independentPermutations ? null : permutation(maxSize[0] * maxSize[1] * maxSize[2], rng);
        float[] out = input.toArray();
        float[] window = new float[maxSize[0] * maxSize[1] * maxSize[2]];
        int[] size = maxSize.clone();
        int[] corner = new int[3];
        for (int b = 0; b < blockCount; b++) {
            if (randomSizes) {
                for (int a = 0; a < 3; a++) {
                    size[a] = rng.nextInt(1, maxSize[a] + 1);
                }
            }
            for (int a = 0; a < 3; a++) {
                corner[a] = rng.nextInt(Math.max(1, shape.size(a) - size[a]));
            }
            int n = size[0] * size[1] * size[2];
            int[] perm = independentPermutations ? permutation(n, rng) : shared;
            int p = 0;
            for (int d = 0; d < size[0]; d++) {
                for (int h = 0; h < size[1]; h++) {
                    int row = shape.index(corner[0] + d, corner[1] + h, corner[2]);
                    for (int w = 0; w < size[2]; w++) {
                        window[p++] = input.get(row + w);
                    }
                }
            }
            p = 0;
            for (int d = 0; d < size[0]; d++) {
                for (int h = 0; h < size[1]; h++) {
                    int row = shape.index(corner[0] + d, corner[1] + h, corner[2]);
                    for (int w = 0; w < size[2]; w++) {
                        out[row + w] = window[perm[p++]];
                    }
                }
            }
        }
        return input.withVoxels(out);
    }

    /** Fisher–Yates permutation of {@code 0..n−1} as documented in the class comment. */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    @Override
    public String toString() {
        return "LocalShuffle[blocks=" + blockCount + ", size=S/" + blockDivisor + (randomSizes ? " (random)" : "")
                + ", permutations=" + (independentPermutations ? "independent" : "shared") + "]";
    }

    /** Options of a {@link LocalShuffle}; the defaults are GVSL's. */
    public static final class Builder {
        private int blockCount = 5000;
        private int blockDivisor = 20;
        private boolean randomSizes;
        private boolean independentPermutations;

        private Builder() {
        }

        /** Number of blocks (default 5000). */
        public Builder optBlockCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("block count must be >= 0, got " + count);
            }
            this.blockCount = count;
            return this;
        }

        /** Block size (or, with random sizes, its maximum) is {@code max(1, S / divisor)} per axis (default 20). */
        public Builder optBlockDivisor(int divisor) {
            if (divisor < 1) {
                throw new IllegalArgumentException("block divisor must be >= 1, got " + divisor);
            }
            this.blockDivisor = divisor;
            return this;
        }

        /** Random block sizes {@code 1..S/divisor} per axis instead of the fixed size (default false). */
        public Builder optRandomBlockSizes(boolean random) {
            this.randomSizes = random;
            return this;
        }

        /** One permutation per block instead of one shared by all blocks (default false). */
        public Builder optIndependentPermutations(boolean independent) {
            this.independentPermutations = independent;
            return this;
        }

        /** The configured {@link LocalShuffle}. */
        public LocalShuffle build() {
            if (randomSizes && !independentPermutations) {
                throw new IllegalStateException("optRandomBlockSizes(true) needs optIndependentPermutations(true): a"
                        + " permutation shared by all blocks needs one block size");
            }
            return new LocalShuffle(this);
        }
    }
}
