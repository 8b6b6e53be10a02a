package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalShuffleTest {

    private final VolumeShape shape = new VolumeShape(12, 16, 20);
    private final Volume input = Volumes.ramp(shape);

    /** The documented algorithm, written out independently. */
    private static float[] expected(Volume in, int blocks, int divisor, boolean randomSizes, boolean independent,
                                    RandomGenerator rng) {
        VolumeShape s = in.shape();
        int[] max = {Math.max(1, s.depth() / divisor), Math.max(1, s.height() / divisor), Math.max(1, s.width() / divisor)};
        int[] shared = independent ? null : LocalShuffle.permutation(max[0] * max[1] * max[2], rng);
        float[] out = in.toArray();
        for (int b = 0; b < blocks; b++) {
            int[] size = max.clone();
            if (randomSizes) {
                for (int a = 0; a < 3; a++) {
                    size[a] = rng.nextInt(1, max[a] + 1);
                }
            }
            int[] c = new int[3];
            for (int a = 0; a < 3; a++) {
                c[a] = rng.nextInt(Math.max(1, s.size(a) - size[a]));
            }
            int n = size[0] * size[1] * size[2];
            int[] perm = independent ? LocalShuffle.permutation(n, rng) : shared;
            float[] window = new float[n];
            int[][] where = new int[n][];
            int p = 0;
            for (int d = 0; d < size[0]; d++) {
                for (int h = 0; h < size[1]; h++) {
                    for (int w = 0; w < size[2]; w++, p++) {
                        where[p] = new int[] {c[0] + d, c[1] + h, c[2] + w};
                        window[p] = in.get(c[0] + d, c[1] + h, c[2] + w);
                    }
                }
            }
            for (p = 0; p < n; p++) {
                out[s.index(where[p][0], where[p][1], where[p][2])] = window[perm[p]];
            }
        }
        return out;
    }

    @Test
    void gvslRebuildsFromTheSameDraws() {
        LocalShuffle shuffle = LocalShuffle.builder().optBlockCount(40).optBlockDivisor(4).build();
        Volume out = shuffle.apply(input, new SplittableRandom(7));
        assertArrayEquals(expected(input, 40, 4, false, false, new SplittableRandom(7)), out.toArray(), 0);
        assertArrayEquals(Volumes.ramp(shape).toArray(), input.toArray(), 0, "input unchanged");
        assertNotEquals(Arrays.toString(input.toArray()), Arrays.toString(out.toArray()));
    }

    @Test
    void modelsGenesisRebuildsFromTheSameDraws() {
        Volume out = LocalShuffle.builder().optBlockCount(60).optBlockDivisor(3).optRandomBlockSizes(true)
                .optIndependentPermutations(true).build().apply(input, new SplittableRandom(8));
        assertArrayEquals(expected(input, 60, 3, true, true, new SplittableRandom(8)), out.toArray(), 0);
    }

    @Test
    void oneBlockIsAPermutationAndTheSharedPermutationIsTheSameInEveryBlock() {
        VolumeShape s = new VolumeShape(4, 4, 8);
        Volume ramp = Volumes.ramp(s);
        // block 4x4x4, corner along W in [0, 4): one block permutes its 64 voxels
        Volume one = LocalShuffle.builder().optBlockCount(1).optBlockDivisor(1).build().apply(Volumes.ramp(new VolumeShape(4, 4, 4)), new SplittableRandom(1));
        float[] sorted = one.toArray();
        Arrays.sort(sorted);
        assertArrayEquals(Volumes.ramp(new VolumeShape(4, 4, 4)).toArray(), sorted, 0);
        // two blocks of 2x2x4 (divisor 2): both move their voxels by the same permutation of positions
        Volume two = LocalShuffle.builder().optBlockCount(2).optBlockDivisor(2).build().apply(ramp, new SplittableRandom(5));
        SplittableRandom rng = new SplittableRandom(5);
        int[] perm = LocalShuffle.permutation(16, rng);
        assertArrayEquals(expected(ramp, 2, 2, false, false, new SplittableRandom(5)), two.toArray(), 0);
        assertNotEquals(Arrays.toString(perm), Arrays.toString(LocalShuffle.permutation(16, new SplittableRandom(6))));
    }

    @Test
    void randomSizesNeedIndependentPermutations() {
        String shared = assertThrows(IllegalStateException.class, () -> LocalShuffle.builder().optRandomBlockSizes(true).build())
                .getMessage();
        assertTrue(shared.contains("optRandomBlockSizes(true) needs optIndependentPermutations(true)"), shared);
        String divisor = assertThrows(IllegalArgumentException.class, () -> LocalShuffle.builder().optBlockDivisor(0)).getMessage();
        assertTrue(divisor.contains("block divisor must be >= 1, got 0"), divisor);
    }
}
