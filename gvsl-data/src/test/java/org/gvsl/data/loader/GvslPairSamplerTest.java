package org.gvsl.data.loader;

import org.gvsl.data.augment.AppearanceTransform;
import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.preprocess.RandomCrop;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GvslPairSamplerTest {

    /** Volume k is constant k + 1 (so a crop tells which volume it came from), of size 10 + k. */
    static List<VolumeSource> constants(int n) {
        List<VolumeSource> sources = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            VolumeShape s = VolumeShape.cube(10 + k);
            float[] v = new float[s.voxelCount()];
            java.util.Arrays.fill(v, k + 1);
            sources.add(VolumeSource.of("vol" + k, Volume.adopt(s, v, VolumeGeometry.unit())));
        }
        return sources;
    }

    /** A source that always fails. */
    static VolumeSource broken(String name) {
        return new VolumeSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Volume load() throws IOException {
                throw new IOException(name + ": truncated: dim says more");
            }
        };
    }

    @Test
    void rebuildsAPairFromTheDocumentedDraws() throws IOException {
        List<VolumeSource> sources = constants(3);
        VolumeShape crop = VolumeShape.cube(8);
        GvslPairSampler sampler = GvslPairSampler.builder().setSources(sources).setCropShape(crop)
                .optFlip(RandomFlip.modelsGenesis()).build();
        for (long seed = 0; seed < 4; seed++) {
            TrainingPair pair = sampler.sample(new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            int a = rng.nextInt(3);
            int b = rng.nextInt(2);
            b += b >= a ? 1 : 0;
            RandomCrop rc = RandomCrop.builder().setSize(crop).build();
            Volume va = rc.draw(VolumeShape.cube(10 + a), rng).extract(constants(3).get(a).load());
            Volume vb = rc.draw(VolumeShape.cube(10 + b), rng).extract(constants(3).get(b).load());
            List<Volume> flipped = RandomFlip.modelsGenesis().apply(List.of(va, vb), rng);
            List<Volume> moved = SpatialAugmentation.gvsl().apply(flipped, List.of(Interpolation.LINEAR, Interpolation.LINEAR), rng);
            Volume fixed = AppearanceTransform.gvsl().apply(moved.get(0), rng);
            assertEquals("vol" + a, pair.sourceA());
            assertEquals("vol" + b, pair.sourceB());
            assertNotEquals(a, b, "two different volumes when there are several");
            assertArrayEquals(moved.get(0).toArray(), pair.target().toArray(), 0);
            assertArrayEquals(moved.get(1).toArray(), pair.moving().toArray(), 0);
            assertArrayEquals(fixed.toArray(), pair.fixed().toArray(), 0);
            assertEquals(crop, pair.fixed().shape());
        }
    }

    @Test
    void withoutAugmentationTheCropsAreTheVolumes() {
        GvslPairSampler sampler = GvslPairSampler.builder().setSources(constants(1)).setCropShape(VolumeShape.cube(4))
                .optSpatial(null).optAppearance(null).build();
        TrainingPair pair = sampler.sample(new SplittableRandom(1));
        assertEquals("vol0", pair.sourceB(), "a single volume is paired with itself");
        assertEquals(1f, pair.fixed().range()[0]);
        assertEquals(1f, pair.moving().range()[1]);
    }

    @Test
    void stopPolicyNamesTheFile() {
        List<VolumeSource> sources = List.of(broken("/data/bad.nii.gz"));
        GvslPairSampler sampler = GvslPairSampler.builder().setSources(sources).setCropShape(VolumeShape.cube(4)).build();
        DataLoadingException e = assertThrows(DataLoadingException.class, () -> sampler.sample(new SplittableRandom(1)));
        assertEquals("/data/bad.nii.gz", e.source());
        assertTrue(e.getMessage().contains("/data/bad.nii.gz: truncated"), e.getMessage());
    }

    @Test
    void skipPolicyDrawsAgainAndIsDeterministic() {
        List<VolumeSource> sources = new ArrayList<>(constants(3));
        sources.add(1, broken("bad"));
        GvslPairSampler first = GvslPairSampler.builder().setSources(sources).setCropShape(VolumeShape.cube(6))
                .optErrorPolicy(ErrorPolicy.SKIP_AND_WARN).optAppearance(null).optSpatial(null).build();
        GvslPairSampler fresh = GvslPairSampler.builder().setSources(sources).setCropShape(VolumeShape.cube(6))
                .optErrorPolicy(ErrorPolicy.SKIP_AND_WARN).optAppearance(null).optSpatial(null).build();
        for (int n = 0; n < 30; n++) {
            first.sample(new SplittableRandom(n)); // learns that "bad" fails
        }
        for (int n = 0; n < 30; n++) {
            TrainingPair known = first.sample(new SplittableRandom(n));
            TrainingPair found = fresh.sample(new SplittableRandom(n)); // may discover it now
            assertNotEquals("bad", known.sourceA());
            assertNotEquals("bad", known.sourceB());
            assertEquals(known.sourceA() + known.sourceB(), found.sourceA() + found.sourceB());
            assertArrayEquals(known.target().toArray(), found.target().toArray(), 0);
        }
        GvslPairSampler allBad = GvslPairSampler.builder().setSources(List.of(broken("x"), broken("y")))
                .setCropShape(VolumeShape.cube(2)).optErrorPolicy(ErrorPolicy.SKIP_AND_WARN).build();
        assertTrue(assertThrows(DataLoadingException.class, () -> allBad.sample(new SplittableRandom(1)))
                .getMessage().contains("none of the 2 volumes"));
    }

    @Test
    void builderValidates() {
        String sources = assertThrows(IllegalStateException.class,
                () -> GvslPairSampler.builder().setCropShape(VolumeShape.cube(4)).build()).getMessage();
        assertTrue(sources.contains("needs setSources(...)"), sources);
        String crop = assertThrows(IllegalStateException.class, () -> GvslPairSampler.builder().setSources(constants(1)).build())
                .getMessage();
        assertTrue(crop.contains("needs setCropShape(...)"), crop);
        String cache = assertThrows(IllegalArgumentException.class, () -> GvslPairSampler.builder().optCacheBytes(-1)).getMessage();
        assertTrue(cache.contains("cache bytes must be >= 0, got -1"), cache);
    }
}
