package org.gvsl.model.inference;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowInferenceTest {

    private static final SpatialSize WINDOW = new SpatialSize(4, 5, 6);

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    private static SlidingWindowInference.Builder windows() {
        return SlidingWindowInference.builder().setWindow(WINDOW);
    }

    /** A volume whose every voxel and channel holds a distinct value: channel c, flat index i → c·1000 + i. */
    private static INDArray indexVolume(int channels, int d, int h, int w) {
        long n = (long) d * h * w;
        INDArray v = Nd4j.linspace(0, channels * n - 1, channels * n, DataType.FLOAT).reshape(channels, d, h, w);
        for (int c = 0; c < channels; c++) {
            v.slice(c).subi(c * n).addi(c * 1000.0);
        }
        return v;
    }

    /** The reference's window starts along one axis: its loops' {@code i·stride, i < S'/stride − 1}, and {@code S' − w}. */
    private static TreeSet<Integer> referenceStarts(int size, int window, int stride) {
        int padded = Math.max(size, window);
        TreeSet<Integer> s = new TreeSet<>();
        for (int i = 0; i < padded / stride - 1; i++) {
            s.add(i * stride);
        }
        s.add(padded - window);
        return s;
    }

    @Test
    void windowsStartAtMultiplesOfTheStrideAndTheLastIsAlignedToTheEnd() {
        assertArrayEquals(new int[] {0, 64, 72}, SlidingWindowInference.starts(200, 128, 64));
        assertArrayEquals(new int[] {0, 64, 128}, SlidingWindowInference.starts(256, 128, 64));
        assertArrayEquals(new int[] {0}, SlidingWindowInference.starts(128, 128, 64));
        assertArrayEquals(new int[] {0}, SlidingWindowInference.starts(100, 128, 64), "smaller: padded, one window");
        assertArrayEquals(new int[] {0, 3, 6, 7}, SlidingWindowInference.starts(11, 4, 3));
        assertArrayEquals(new int[] {0, 4, 8}, SlidingWindowInference.starts(12, 4, 4), "overlap 0 tiles exactly");
    }

    @Test
    void withOverlapOneHalfTheStartsAreTheReferences() {
        for (int window : new int[] {8, 128}) {
            for (int size = 1; size <= 3 * window; size++) {
                int[] ours = SlidingWindowInference.starts(size, window, window / 2);
                TreeSet<Integer> set = new TreeSet<>();
                for (int s : ours) {
                    set.add(s);
                }
                assertEquals(ours.length, set.size(), "distinct windows, size " + size);
                assertEquals(referenceStarts(size, window, window / 2), set, "window " + window + ", size " + size);
            }
        }
    }

    @Test
    void theWindowsOfAVolumeAreTheProductOfTheAxesInCOrder() {
        SlidingWindowInference sw = windows().build();
        assertEquals(new SpatialSize(2, 2, 3), sw.stride(), "overlap 0.5: floor(w/2)");
        List<int[]> starts = sw.windowStarts(new SpatialSize(6, 5, 9));
        // D: 0, 2; H: 0; W: 0, 3
        assertEquals(4, starts.size());
        assertArrayEquals(new int[] {0, 0, 0}, starts.get(0));
        assertArrayEquals(new int[] {0, 0, 3}, starts.get(1));
        assertArrayEquals(new int[] {2, 0, 0}, starts.get(2));
        assertArrayEquals(new int[] {2, 0, 3}, starts.get(3));
    }

    @Test
    void theIdentityPredictorReassemblesTheVolumeWithEitherWeighting() {
        // odd sizes, not multiples of the stride, one axis smaller than the window
        INDArray volume = indexVolume(2, 13, 3, 10);
        for (WindowWeighting weighting : WindowWeighting.values()) {
            for (SlidingWindowInference sw : List.of(windows().optWeighting(weighting).build(),
                    windows().optWeighting(weighting).optStride(new SpatialSize(3, 1, 4)).optBatchSize(4).build(),
                    windows().optWeighting(weighting).optOverlap(0).build())) {
                INDArray out = sw.run(volume, w -> w.dup()).probabilities();
                assertArrayEquals(volume.shape(), out.shape());
                double error = out.sub(volume).amaxNumber().doubleValue();
                assertTrue(error <= 1e-7 * 27_000, sw + ": max |error| " + error);
            }
        }
    }

    @Test
    void aVolumeSmallerThanTheWindowIsOneZeroPaddedWindow() {
        INDArray volume = indexVolume(1, 3, 2, 5).reshape(1, 1, 3, 2, 5);
        List<INDArray> seen = new ArrayList<>();
        INDArray out = windows().build().run(volume, w -> {
            seen.add(w.dup());
            return w.dup();
        }).probabilities();
        assertEquals(1, seen.size());
        assertArrayEquals(new long[] {1, 1, 4, 5, 6}, seen.get(0).shape());
        assertEquals(0.0, seen.get(0).sumNumber().doubleValue() - volume.sumNumber().doubleValue(), 1e-3,
                "the padding is zeros");
        assertEquals(0.0, out.sub(volume.reshape(1, 3, 2, 5)).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void overlappingWindowsAreAveragedWithTheirWeights() {
        // window i predicts the constant i + 1 everywhere: voxel v gets Σ ω·(i+1) / Σ ω over the windows covering it
        SpatialSize size = new SpatialSize(7, 5, 9);
        INDArray volume = Nd4j.zeros(DataType.FLOAT, 1, 7, 5, 9);
        for (WindowWeighting weighting : WindowWeighting.values()) {
            SlidingWindowInference sw = windows().optWeighting(weighting).optBatchSize(2).build();
            List<int[]> starts = sw.windowStarts(size);
            int[] next = {0};
            INDArray out = sw.run(volume, w -> {
                INDArray p = Nd4j.zeros(DataType.FLOAT, w.size(0), 1, 4, 5, 6);
                for (int b = 0; b < w.size(0); b++) {
                    p.slice(b).assign(++next[0]);
                }
                return p;
            }).probabilities();
            INDArray omega = weighting.weights(WINDOW);
            for (int d = 0; d < 7; d++) {
                for (int h = 0; h < 5; h++) {
                    for (int x = 0; x < 9; x++) {
                        double num = 0;
                        double den = 0;
                        for (int i = 0; i < starts.size(); i++) {
                            int[] s = starts.get(i);
                            int a = d - s[0];
                            int b = h - s[1];
                            int c = x - s[2];
                            if (a >= 0 && a < 4 && b >= 0 && b < 5 && c >= 0 && c < 6) {
                                double o = omega.getDouble(a, b, c);
                                num += o * (i + 1);
                                den += o;
                            }
                        }
                        assertEquals(num / den, out.getDouble(0, d, h, x), 1e-5, weighting + " at " + d + "," + h
                                + "," + x);
                    }
                }
            }
        }
    }

    @Test
    void batchingChangesNothingAndTheLastBatchMayBeSmaller() {
        INDArray volume = Nd4j.rand(DataType.FLOAT, 1, 9, 7, 11);
        // D: 0, 2, 4, 5; H: 0, 2; W: 0, 3, 5 → 24 windows = 8 batches of 3, or 5 of 5 and one of 4
        INDArray one = windows().optBatchSize(1).optWeighting(WindowWeighting.GAUSSIAN).build()
                .run(volume, w -> w.mul(2)).probabilities();
        for (int batch : new int[] {3, 5}) {
            List<Long> sizes = new ArrayList<>();
            List<Integer> progress = new ArrayList<>();
            INDArray out = windows().optBatchSize(batch).optWeighting(WindowWeighting.GAUSSIAN)
                    .optProgress(progress::add).build().run(volume, w -> {
                        sizes.add(w.size(0));
                        return w.mul(2);
                    }).probabilities();
            assertEquals(one, out, "batch " + batch);
            assertEquals(batch == 3 ? List.of(3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L) : List.of(5L, 5L, 5L, 5L, 4L), sizes);
            assertEquals(24, progress.get(progress.size() - 1));
        }
    }

    @Test
    void theLabelsAreTheArgmaxOfTheAveragedScores() {
        INDArray volume = Nd4j.rand(DataType.FLOAT, 1, 5, 5, 6);
        // class 1 wins where the image is above 0.5
        int[] labels = windows().build().run(volume, w -> Nd4j.concat(1, Nd4j.valueArrayOf(w.shape(), 0.5f), w))
                .labels();
        float[] v = volume.dup().data().asFloat();
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i] > 0.5f ? 1 : 0, labels[i], "voxel " + i);
        }
    }

    @Test
    void memoryIsTheAccumulatorsAndOneBatch() {
        SlidingWindowInference sw = SlidingWindowInference.builder().setWindow(SpatialSize.cube(128)).optBatchSize(2)
                .build();
        long expected = 4L * 9 * 256 * 256 * 256 + 4L * 2 * (1 + 8) * 128 * 128 * 128;
        assertEquals(expected, sw.memoryBytes(SpatialSize.cube(256), 1, 8));
        SlidingWindowInference gaussian = SlidingWindowInference.builder().setWindow(SpatialSize.cube(128))
                .optBatchSize(2).optWeighting(WindowWeighting.GAUSSIAN).build();
        assertEquals(expected + 4L * 8 * 128 * 128 * 128, gaussian.memoryBytes(SpatialSize.cube(256), 1, 8));
    }

    @Test
    void badInputsAndOptionsAreRejectedWithTheValues() {
        SlidingWindowInference sw = windows().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sw.run(Nd4j.zeros(DataType.FLOAT, 5, 5, 6), w -> w));
        assertTrue(e.getMessage().contains("[5, 5, 6]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sw.run(Nd4j.zeros(DataType.FLOAT, 1, 5, 5, 6), w -> Nd4j.zeros(DataType.FLOAT, 1, 2, 4, 5, 5)));
        assertTrue(e.getMessage().contains("[1, K, 4, 5, 6]") && e.getMessage().contains("[1, 2, 4, 5, 5]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> windows().optStride(new SpatialSize(4, 6, 1)).build());
        assertTrue(e.getMessage().contains("stride 4×6×1") && e.getMessage().contains("window 4×5×6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> windows().optOverlap(1.0));
        assertTrue(e.getMessage().contains("overlap") && e.getMessage().contains("1.0"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> windows().optOverlap(0.25).optStride(WINDOW).build());
        assertTrue(s.getMessage().contains("either an overlap or a stride"), s.getMessage());
        s = assertThrows(IllegalStateException.class, () -> SlidingWindowInference.builder().build());
        assertTrue(s.getMessage().contains("setWindow"), s.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlidingWindowInference.starts(10, 4, 5));
        assertTrue(e.getMessage().contains("stride 5"), e.getMessage());
    }
}
