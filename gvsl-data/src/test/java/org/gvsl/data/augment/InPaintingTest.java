package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InPaintingTest {

    private final VolumeShape shape = new VolumeShape(20, 30, 32);
    private final Volume input = Volumes.ramp(shape);

    /** The documented draws written out; returns the number of boxes in {@code boxes[0]}. */
    private static float[] expected(Volume in, int max, double p, int lowDiv, int highDiv, RandomGenerator rng, int[] boxes) {
        VolumeShape s = in.shape();
        float[] out = in.toArray();
        boxes[0] = 0;
        while (boxes[0] < max && rng.nextDouble() < p) {
            int[] side = new int[3];
            int[] corner = new int[3];
            for (int a = 0; a < 3; a++) {
                int lo = Math.max(1, s.size(a) / lowDiv);
                side[a] = rng.nextInt(lo, Math.min(s.size(a) + 1, Math.max(lo + 1, s.size(a) / highDiv)));
            }
            for (int a = 0; a < 3; a++) {
                int lo = 3;
                int hi = s.size(a) - side[a] - 3;
                if (hi <= lo) {
                    lo = 0;
                    hi = s.size(a) - side[a] + 1;
                }
                corner[a] = rng.nextInt(lo, hi);
            }
            for (int d = 0; d < side[0]; d++) {
                for (int h = 0; h < side[1]; h++) {
                    for (int w = 0; w < side[2]; w++) {
                        out[s.index(corner[0] + d, corner[1] + h, corner[2] + w)] = rng.nextFloat();
                    }
                }
            }
            boxes[0]++;
        }
        return out;
    }

    @Test
    void rebuildsFromTheSameDraws() {
        Volume out = InPainting.gvsl().apply(input, new SplittableRandom(21));
        int[] boxes = new int[1];
        assertArrayEquals(expected(input, 30, 0.95, 10, 5, new SplittableRandom(21), boxes), out.toArray(), 0);
        assertTrue(boxes[0] > 0);
        assertArrayEquals(Volumes.ramp(shape).toArray(), input.toArray(), 0, "input unchanged");
        Volume mg = InPainting.modelsGenesis().apply(input, new SplittableRandom(4));
        assertArrayEquals(expected(input, 5, 0.95, 6, 3, new SplittableRandom(4), boxes), mg.toArray(), 0);
    }

    /**
     * Counts the boxes the transform paints: it draws each box's three sides and three corner coordinates with
     * {@code nextInt(origin, bound)} and nothing else with it (the draw order of InPainting's javadoc).
     */
    private static final class BoxCounter implements RandomGenerator {
        private final SplittableRandom rng;
        private int boundedInts;

        BoxCounter(long seed) {
            this.rng = new SplittableRandom(seed);
        }

        int boxes() {
            assertEquals(0, boundedInts % 6, "six bounded draws per box");
            return boundedInts / 6;
        }

        @Override
        public long nextLong() {
            return rng.nextLong();
        }

        @Override
        public int nextInt(int origin, int bound) {
            boundedInts++;
            return rng.nextInt(origin, bound);
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }

        @Override
        public float nextFloat() {
            return rng.nextFloat();
        }
    }

    @Test
    void boxCountFollowsTheTruncatedGeometricLaw() {
        // K boxes: P(K = k) = 0.95^k 0.05 for k < 30, P(K = 30) = 0.95^30 = 0.2146; E[K] = 0.95 (1 - 0.95^30) / 0.05
        // = 14.92. Over 4000 calls the standard errors are about 0.17 (mean), 0.0034 (P(K = 0)), 0.0065 (P(K = 30)).
        int runs = 4000;
        int[] histogram = new int[32];
        Volume small = Volumes.ramp(VolumeShape.cube(10));
        for (int n = 0; n < runs; n++) {
            BoxCounter rng = new BoxCounter(1000 + n);
            InPainting.gvsl().apply(small, rng);
            histogram[rng.boxes()]++;
        }
        double mean = 0;
        for (int k = 0; k < histogram.length; k++) {
            mean += k * histogram[k] / (double) runs;
        }
        assertEquals(0, histogram[31], "never more than 30 boxes");
        assertEquals(0.95 * (1 - Math.pow(0.95, 30)) / 0.05, mean, 0.7);
        assertEquals(0.05, histogram[0] / (double) runs, 0.014);
        assertEquals(Math.pow(0.95, 30), histogram[30] / (double) runs, 0.026);
        assertEquals(0.95 * 0.05, histogram[1] / (double) runs, 0.014);
    }

    @Test
    void paintedVoxelsAreUniformNoise() {
        Volume zeros = Volume.zeros(shape, input.geometry());
        Volume out = InPainting.gvsl().apply(zeros, new SplittableRandom(3));
        int painted = 0;
        double sum = 0;
        for (int i = 0; i < shape.voxelCount(); i++) {
            if (out.get(i) != 0) {
                assertTrue(out.get(i) > 0 && out.get(i) < 1);
                painted++;
                sum += out.get(i);
            }
        }
        assertTrue(painted > 100, "painted " + painted);
        assertEquals(0.5, sum / painted, 0.05);
    }

    @Test
    void rejectsBadOptions() {
        String boxes = assertThrows(IllegalArgumentException.class, () -> new InPainting(-1, 0.9, 10, 5)).getMessage();
        assertTrue(boxes.contains("max boxes must be >= 0, got -1"), boxes);
        String p = assertThrows(IllegalArgumentException.class, () -> new InPainting(3, 1.1, 10, 5)).getMessage();
        assertTrue(p.contains("continue probability must be in [0, 1], got 1.1"), p);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InPainting(3, 0.9, 5, 10)).getMessage().contains("5, 10"));
    }
}
