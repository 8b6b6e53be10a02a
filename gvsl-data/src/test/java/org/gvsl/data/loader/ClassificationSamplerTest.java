package org.gvsl.data.loader;

import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.RandomCrop;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationSamplerTest {

    /** Case k: side 9 + k, voxel i holds i; class k mod 2. */
    private static List<ClassifiedSource> cases(int n) {
        List<ClassifiedSource> sources = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            VolumeShape s = VolumeShape.cube(9 + k);
            float[] v = new float[s.voxelCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            sources.add(new ClassifiedSource(VolumeSource.of("case" + k, Volume.adopt(s, v, VolumeGeometry.unit())),
                    k % 2));
        }
        return sources;
    }

    @Test
    void rebuildsASampleFromTheDocumentedDraws() throws IOException {
        List<ClassifiedSource> cases = cases(3);
        VolumeShape crop = VolumeShape.cube(5);
        ClassificationSampler sampler = ClassificationSampler.builder().setSources(cases).setCropShape(crop)
                .setOutputs(1).optFlip(RandomFlip.modelsGenesis()).build();
        for (long seed = 0; seed < 5; seed++) {
            ClassifiedCrop c = sampler.sample(new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            int k = rng.nextInt(3);
            Volume image = cases.get(k).image().load();
            Volume expected = RandomCrop.builder().setSize(crop).build().draw(image.shape(), rng).extract(image);
            expected = RandomFlip.modelsGenesis().apply(List.of(expected), rng).get(0);
            assertEquals("case" + k, c.source());
            assertEquals(k % 2, c.classLabel());
            assertArrayEquals(expected.toArray(), c.image().toArray(), 0f);
        }
    }

    @Test
    void targetsAreTheClassForOneOutputAndOneHotForSeveral() {
        List<ClassifiedCrop> crops = List.of(
                new ClassifiedCrop(Volume.zeros(VolumeShape.cube(2), VolumeGeometry.unit()), 1, "a"),
                new ClassifiedCrop(Volume.zeros(VolumeShape.cube(2), VolumeGeometry.unit()), 0, "b"));
        try (ClassificationBatch b = ClassificationBatch.of(3, crops, 1)) {
            assertArrayEquals(new long[] {2, 1, 2, 2, 2}, b.image().shape());
            assertArrayEquals(new float[] {1, 0}, b.targets().data().asFloat(), 0f);
            assertArrayEquals(new int[] {1, 0}, b.classes());
        }
        try (ClassificationBatch b = ClassificationBatch.of(3, crops, 3)) {
            assertArrayEquals(new long[] {2, 3}, b.targets().shape());
            assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, b.targets().data().asFloat(), 0f);
        }
    }

    @Test
    void theEvaluationInputIsTheCentredCrop() throws IOException {
        List<ClassifiedSource> cases = cases(2);
        ClassificationSampler sampler = ClassificationSampler.builder().setSources(cases)
                .setCropShape(VolumeShape.cube(4)).setOutputs(1).build();
        Volume image = cases.get(1).image().load();
        Volume expected = CropWindow.centred(image.shape(), VolumeShape.cube(4)).extract(image);
        try (ClassificationBatch b = sampler.centred(1)) {
            assertArrayEquals(expected.toArray(), b.image().data().asFloat(), 0f);
            assertArrayEquals(new float[] {1}, b.targets().data().asFloat(), 0f);
            assertEquals(List.of("case1"), b.sources());
        }
    }

    @Test
    void aClassTheOutputsCannotHoldIsRejectedNamingTheImage() {
        List<ClassifiedSource> three = List.of(new ClassifiedSource(
                VolumeSource.of("/d/x.nii.gz", Volume.zeros(VolumeShape.cube(3), VolumeGeometry.unit())), 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassificationSampler.builder()
                .setSources(three).setCropShape(VolumeShape.cube(2)).setOutputs(1).build());
        assertTrue(e.getMessage().contains("/d/x.nii.gz") && e.getMessage().contains("class 2"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> ClassificationSampler.builder()
                .setSources(three).setCropShape(VolumeShape.cube(2)).build());
        assertTrue(s.getMessage().contains("setOutputs"), s.getMessage());
    }
}
