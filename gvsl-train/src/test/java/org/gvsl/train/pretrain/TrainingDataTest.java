package org.gvsl.train.pretrain;

import org.gvsl.core.random.IndexedRandom;
import org.gvsl.data.augment.AppearanceTransform;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.synthetic.SyntheticCase;
import org.gvsl.data.volume.Volume;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCohortWriter;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.train.registration.RegistrationPair;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.train.TinyRun;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.PretrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataTest {

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    @Test
    void theSyntheticDataIsDeterministicAndNormalised(@TempDir Path dir) throws Exception {
        PretrainConfig c = TinyRun.config(dir, 2, 1).with(PretrainOptions.BATCH, 2).build();
        TrainingData a = TrainingData.from(c);
        TrainingData b = TrainingData.from(c);
        assertEquals(VolumeShape.cube(16), a.sampler().cropShape());
        assertEquals("4 synthetic CT volumes 20³ (+6 held out for the preview and the registration check), generated"
                + " in memory", a.description());
        List<RegistrationPair> x = a.previewPairs(2, c.seed());
        List<RegistrationPair> y = b.previewPairs(2, c.seed());
        assertEquals(2, x.size());
        assertEquals(VolumeShape.cube(16), x.get(0).images().fixed().shape());
        assertEquals(x.get(0).images().moving(), y.get(0).images().moving());
        assertEquals(x.get(0).images().fixed(), y.get(0).images().fixed());
        double[] range = x.get(0).images().target().range();
        assertTrue(range[0] >= 0 && range[1] <= 1, java.util.Arrays.toString(range));
    }

    /**
     * Six held-out volumes (cases 4..9 after four training volumes) give six pairs, 4 ← 5, 5 ← 4, 6 ← 7, …: the
     * centred 16³ window of each CT-normalised image and its labels, the fixed image appearance-transformed with
     * the pair's own draws; the preview pairs are the first of them.
     */
    @Test
    void theHeldOutPairsAreCentredCropsOfUnseenVolumesWithTheirLabels(@TempDir Path dir) throws Exception {
        PretrainConfig c = TinyRun.config(dir, 2, 1).build();
        TrainingData data = TrainingData.from(c);
        List<RegistrationPair> pairs = data.heldOutPairs();
        assertEquals(6, pairs.size());
        assertEquals(6, data.labelClasses());
        assertEquals("synthetic/case_005 → synthetic/case_004", pairs.get(0).name());
        assertEquals("synthetic/case_004 → synthetic/case_005", pairs.get(1).name());
        assertEquals("synthetic/case_009 → synthetic/case_008", pairs.get(4).name());

        SyntheticAnatomy anatomy = SyntheticAnatomy.builder().optShape(VolumeShape.cube(20))
                .optSeed(RunSeeds.syntheticData(c.seed())).build();
        SyntheticCase a = anatomy.generate(4);
        SyntheticCase b = anatomy.generate(5);
        CropWindow window = CropWindow.centred(VolumeShape.cube(20), VolumeShape.cube(16));
        assertEquals(new CropWindow(2, 2, 2, VolumeShape.cube(16)), window);
        RegistrationPair first = pairs.get(0);
        Volume target = window.extract(CtIntensity.softTissue().apply(a.image()));
        assertEquals(target, first.images().target());
        assertEquals(window.extract(CtIntensity.softTissue().apply(b.image())), first.images().moving());
        assertEquals(window.extract(a.labels()), first.fixedLabels());
        assertEquals(window.extract(b.labels()), first.movingLabels());
        assertEquals(AppearanceTransform.gvsl().apply(target, IndexedRandom.forIndex(RunSeeds.preview(c.seed()), 0)),
                first.images().fixed());
        assertEquals(pairs.get(1).images().target(), first.images().moving());

        assertEquals(List.of(pairs.get(0), pairs.get(1), pairs.get(2)), data.previewPairs(3, c.seed()));
    }

    @Test
    void aDataFolderIsReadAndAMissingOrEmptyOneNamed(@TempDir Path dir) throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> TrainingData.from(
                PretrainConfig.builder().with(PretrainOptions.DATA, dir.resolve("none")).build()));
        assertEquals("data folder not found: " + dir.resolve("none"), missing.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ConfigException none = assertThrows(ConfigException.class, () -> TrainingData.from(
                PretrainConfig.builder().with(PretrainOptions.DATA, empty).build()));
        assertTrue(none.getMessage().contains("no .nii or .nii.gz files in " + empty), none.getMessage());

        Path data = dir.resolve("ct");
        SyntheticCohortWriter.write(SyntheticAnatomy.builder().optShape(VolumeShape.cube(12)).build(), data, 2);
        TrainingData d = TrainingData.from(PretrainConfig.builder().with(PretrainOptions.DATA, data).with(PretrainOptions.CROP, 8).build());
        assertTrue(d.description().startsWith("2 volumes in " + data + " (ct intensity)"), d.description());
        List<RegistrationPair> preview = d.previewPairs(1, 1);
        assertEquals(VolumeShape.cube(8), preview.get(0).images().target().shape());
        assertFalse(preview.get(0).hasLabels());
        assertEquals(List.of(), d.heldOutPairs());

        Path broken = Files.createDirectories(dir.resolve("broken/images"));
        Files.write(broken.resolve("a.nii"), new byte[10]);
        ConfigException unreadable = assertThrows(ConfigException.class, () -> TrainingData.from(
                PretrainConfig.builder().with(PretrainOptions.DATA, broken.getParent()).build()));
        assertTrue(unreadable.getMessage().startsWith("cannot read " + broken.resolve("a.nii")), unreadable.getMessage());
        assertTrue(unreadable.getMessage().endsWith("(--skip-bad-files skips unreadable volumes)"), unreadable.getMessage());
    }
}
