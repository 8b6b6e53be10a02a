package org.gvsl.data.loader;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class PrefetchingLoaderTest {

    private static GvslPairSampler sampler(List<VolumeSource> sources) {
        return GvslPairSampler.builder().setSources(sources).setCropShape(new VolumeShape(6, 8, 10)).build();
    }

    private static List<float[]> run(GvslPairSampler sampler, int workers, long first, long steps) {
        List<float[]> fixed = new ArrayList<>();
        try (PrefetchingLoader<PairBatch> loader = PrefetchingLoader.builder(sampler).setBatchSize(2).setSeed(99)
                .optWorkers(workers).optQueueCapacity(3).optFirstStep(first).optSteps(steps).build()) {
            while (loader.hasNext()) {
                try (PairBatch b = loader.next()) {
                    assertEquals(first + fixed.size(), b.step());
                    assertArrayEquals(new long[] {2, 1, 6, 8, 10}, b.fixed().shape());
                    assertArrayEquals(new long[] {2, 1, 6, 8, 10}, b.moving().shape());
                    assertArrayEquals(new long[] {2, 1, 6, 8, 10}, b.target().shape());
                    assertEquals(2, b.size());
                    fixed.add(b.fixed().data().asFloat());
                }
            }
            String done = assertThrows(NoSuchElementException.class, loader::next).getMessage();
            assertTrue(done.contains("all steps before " + (first + steps) + " delivered"), done);
        }
        return fixed;
    }

    @Test
    void batchesDependOnSeedAndStepOnlyNotOnWorkersOrResume() {
        GvslPairSampler sampler = sampler(GvslPairSamplerTest.constants(3));
        List<float[]> one = run(sampler, 1, 0, 6);
        List<float[]> three = run(sampler, 3, 0, 6);
        List<float[]> resumed = run(sampler, 2, 4, 2);
        assertEquals(6, one.size());
        for (int s = 0; s < 6; s++) {
            assertArrayEquals(one.get(s), three.get(s), 0, "step " + s);
        }
        assertArrayEquals(one.get(4), resumed.get(0), 0);
        assertArrayEquals(one.get(5), resumed.get(1), 0);
        // and a step equals its pure rebuild
        List<TrainingPair> pairs = PrefetchingLoader.prepare(sampler, 99, 3, 2);
        float[] expected = new float[2 * 480];
        pairs.get(0).fixed().copyTo(expected, 0);
        pairs.get(1).fixed().copyTo(expected, 480);
        assertArrayEquals(expected, one.get(3), 0);
    }

    @Test
    void anUnreadableFileReachesTheConsumerWithItsName() {
        GvslPairSampler sampler = sampler(List.of(GvslPairSamplerTest.broken("/data/case_7.nii.gz")));
        PrefetchingLoader<PairBatch> loader = PrefetchingLoader.builder(sampler).setBatchSize(1).setSeed(1).optWorkers(2).build();
        DataLoadingException e = assertThrows(DataLoadingException.class, loader::next);
        assertEquals("/data/case_7.nii.gz", e.source());
        assertTrue(e.getMessage().contains("preparing step 0 failed") && e.getMessage().contains("/data/case_7.nii.gz"), e.getMessage());
        assertFalse(loader.hasNext(), "the loader stops after an error");
        loader.close();
    }

    @Test
    void closeStopsAndBuilderValidates() {
        GvslPairSampler sampler = sampler(GvslPairSamplerTest.constants(2));
        PrefetchingLoader<PairBatch> loader = PrefetchingLoader.builder(sampler).setBatchSize(1).setSeed(3).build();
        loader.next().close();
        loader.close();
        assertFalse(loader.hasNext());
        String seed = assertThrows(IllegalStateException.class,
                () -> PrefetchingLoader.builder(sampler).setBatchSize(1).build()).getMessage();
        assertTrue(seed.contains("needs setSeed(...)"), seed);
        String batchSize = assertThrows(IllegalStateException.class,
                () -> PrefetchingLoader.builder(sampler).setSeed(1).build()).getMessage();
        assertTrue(batchSize.contains("needs setBatchSize(...)"), batchSize);
        String workers = assertThrows(IllegalArgumentException.class,
                () -> PrefetchingLoader.builder(sampler).optWorkers(0)).getMessage();
        assertTrue(workers.contains("workers must be >= 1, got 0"), workers);
        String batch = assertThrows(IllegalArgumentException.class,
                () -> PrefetchingLoader.builder(sampler).setBatchSize(0)).getMessage();
        assertTrue(batch.contains("batch size must be >= 1, got 0"), batch);
        String none = assertThrows(NullPointerException.class, () -> PrefetchingLoader.builder(null)).getMessage();
        assertTrue(none.contains("sampler"), none);
    }
}
