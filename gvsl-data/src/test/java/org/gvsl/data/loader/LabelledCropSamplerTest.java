package org.gvsl.data.loader;

import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.preprocess.RandomCrop;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class LabelledCropSamplerTest {

    /**
     * Case k: a volume of side 12 + k whose voxel i holds i (so a crop tells where it came from) and labels
     * {@code i mod 3} (so every label crop must equal its image crop mod 3).
     */
    static List<LabelledSource> cases(int n) {
        List<LabelledSource> sources = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            VolumeShape s = VolumeShape.cube(12 + k);
            float[] image = new float[s.voxelCount()];
            float[] labels = new float[image.length];
            for (int i = 0; i < image.length; i++) {
                image[i] = i;
                labels[i] = i % 3;
            }
            sources.add(new LabelledSource(VolumeSource.of("img" + k, Volume.adopt(s, image, VolumeGeometry.unit())),
                    VolumeSource.of("lab" + k, Volume.adopt(s, labels, VolumeGeometry.unit()))));
        }
        return sources;
    }

    @Test
    void imageAndLabelsAreCutFromTheSameWindow() {
        LabelledCropSampler sampler = LabelledCropSampler.builder().setSources(cases(2))
                .setCropShape(new VolumeShape(6, 7, 16)).setClasses(3).build();
        for (long seed = 0; seed < 6; seed++) {
            LabelledCrop c = sampler.sample(new SplittableRandom(seed));
            assertEquals(new VolumeShape(6, 7, 16), c.image().shape());
            for (int v = 0; v < c.image().shape().voxelCount(); v++) {
                assertEquals(c.image().get(v) % 3, c.labels().get(v), 0f, "voxel " + v + " of " + c.source());
            }
        }
    }

    @Test
    void rebuildsACropFromTheDocumentedDraws() throws IOException {
        List<LabelledSource> cases = cases(3);
        VolumeShape crop = VolumeShape.cube(8);
        LabelledCropSampler sampler = LabelledCropSampler.builder().setSources(cases).setCropShape(crop).setClasses(3)
                .optForegroundProbability(0.5).optFlip(RandomFlip.modelsGenesis())
                .optSpatial(SpatialAugmentation.gvsl()).build();
        for (long seed = 0; seed < 4; seed++) {
            LabelledCrop c = sampler.sample(new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            int k = rng.nextInt(3);
            Volume image = cases.get(k).image().load();
            Volume labels = cases.get(k).labels().load();
            var window = RandomCrop.builder().setSize(crop).optForegroundProbability(0.5).build().draw(labels, rng);
            List<Volume> both = RandomFlip.modelsGenesis().apply(List.of(window.extract(image), window.extract(labels)),
                    rng);
            both = SpatialAugmentation.gvsl().apply(both, List.of(Interpolation.LINEAR, Interpolation.NEAREST), rng);
            assertEquals("img" + k, c.source());
            assertArrayEquals(both.get(0).toArray(), c.image().toArray(), 0);
            assertArrayEquals(both.get(1).toArray(), c.labels().toArray(), 0);
            for (float label : c.labels().toArray()) {
                assertTrue(label == 0 || label == 1 || label == 2, "nearest neighbour keeps labels: " + label);
            }
        }
    }

    @Test
    void labelGuidedCropsContainTheForeground() throws IOException {
        VolumeShape s = VolumeShape.cube(20);
        float[] labels = new float[s.voxelCount()];
        labels[s.index(17, 2, 15)] = 1;
        LabelledSource one = new LabelledSource(VolumeSource.of("img", Volume.zeros(s, VolumeGeometry.unit())),
                VolumeSource.of("lab", Volume.adopt(s, labels, VolumeGeometry.unit())));
        LabelledCropSampler sampler = LabelledCropSampler.builder().setSources(List.of(one))
                .setCropShape(VolumeShape.cube(6)).setClasses(2).optForegroundProbability(1).build();
        for (long seed = 0; seed < 10; seed++) {
            float sum = 0;
            for (float v : sampler.sample(new SplittableRandom(seed)).labels().toArray()) {
                sum += v;
            }
            assertEquals(1f, sum, "seed " + seed + ": the crop holds the one foreground voxel");
        }
    }

    @Test
    void theLoaderDeliversImagesAndIntegerLabelsDeterministically() {
        LabelledCropSampler sampler = LabelledCropSampler.builder().setSources(cases(3))
                .setCropShape(new VolumeShape(4, 5, 6)).setClasses(3).build();
        List<int[]> one = new ArrayList<>();
        List<int[]> two = new ArrayList<>();
        for (int workers : new int[] {1, 2}) {
            try (PrefetchingLoader<LabelledBatch> loader = PrefetchingLoader.builder(sampler).setBatchSize(2)
                    .setSeed(5).optWorkers(workers).optSteps(4).build()) {
                while (loader.hasNext()) {
                    try (LabelledBatch b = loader.next()) {
                        assertArrayEquals(new long[] {2, 1, 4, 5, 6}, b.image().shape());
                        assertEquals(DataType.FLOAT, b.image().dataType());
                        assertArrayEquals(new long[] {2, 4, 5, 6}, b.labels().shape());
                        assertEquals(DataType.INT, b.labels().dataType());
                        INDArray hot = b.oneHot();
                        assertArrayEquals(new long[] {2, 3, 4, 5, 6}, hot.shape());
                        assertEquals(1.0, hot.sum(1).minNumber().doubleValue(), 0.0);
                        assertEquals(1.0, hot.sum(1).maxNumber().doubleValue(), 0.0);
                        (workers == 1 ? one : two).add(b.labels().dup().data().asInt());
                    }
                }
            }
        }
        assertEquals(4, one.size());
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(one.get(s), two.get(s), "step " + s);
        }
        List<LabelledCrop> rebuilt = PrefetchingLoader.prepare(sampler, 5, 2, 2);
        try (LabelledBatch b = sampler.batch(2, rebuilt)) {
            assertArrayEquals(one.get(2), b.labels().data().asInt());
        }
    }

    @Test
    void aLabelMapOfAnotherShapeIsReportedWithBothNames() {
        LabelledSource bad = new LabelledSource(
                VolumeSource.of("/data/images/c1.nii.gz", Volume.zeros(VolumeShape.cube(8), VolumeGeometry.unit())),
                VolumeSource.of("/data/labels/c1.nii.gz", Volume.zeros(VolumeShape.cube(9), VolumeGeometry.unit())));
        LabelledCropSampler sampler = LabelledCropSampler.builder().setSources(List.of(bad))
                .setCropShape(VolumeShape.cube(4)).setClasses(2).build();
        DataLoadingException e = assertThrows(DataLoadingException.class,
                () -> sampler.sample(new SplittableRandom(0)));
        assertEquals("/data/labels/c1.nii.gz", e.source());
        assertTrue(e.getMessage().contains("[9, 9, 9]") && e.getMessage().contains("[8, 8, 8]")
                && e.getMessage().contains("/data/images/c1.nii.gz"), e.getMessage());
        LabelledCropSampler broken = LabelledCropSampler.builder().setSources(List.of(new LabelledSource(
                GvslPairSamplerTest.broken("/data/images/c2.nii.gz"), bad.labels()))).setCropShape(VolumeShape.cube(4))
                .setClasses(2).build();
        e = assertThrows(DataLoadingException.class, () -> broken.sample(new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("cannot load /data/images/c2.nii.gz"), e.getMessage());
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LabelledCropSampler.builder().setCropShape(VolumeShape.cube(4)).setClasses(2).build());
        assertTrue(e.getMessage().contains("setSources"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> LabelledCropSampler.builder().setSources(cases(1)).setCropShape(VolumeShape.cube(4)).build());
        assertTrue(e.getMessage().contains("setClasses"), e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> LabelledCropSampler.builder().setClasses(1));
        assertTrue(a.getMessage().contains("got 1"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class,
                () -> LabelledCropSampler.builder().optForegroundProbability(1.5));
        assertTrue(a.getMessage().contains("1.5"), a.getMessage());
    }
}
