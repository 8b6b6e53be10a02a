package org.gvsl.train.pretrain;

import org.gvsl.train.config.PretrainOptions;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCohortWriter;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.train.TinyRun;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.PretrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(a.description().startsWith("4 synthetic CT volumes 20³"), a.description());
        try (PairBatch x = a.previewBatch(2, c.seed()); PairBatch y = b.previewBatch(2, c.seed())) {
            assertArrayEquals(new long[] {2, 1, 16, 16, 16}, x.fixed().shape());
            assertArrayEquals(x.moving().data().asFloat(), y.moving().data().asFloat());
            assertTrue(x.target().minNumber().doubleValue() >= 0 && x.target().maxNumber().doubleValue() <= 1);
            assertTrue(x.sources().get(0).startsWith("synthetic/case_00"), x.sources().toString());
        }
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
        try (PairBatch p = d.previewBatch(1, 1)) {
            assertArrayEquals(new long[] {1, 1, 8, 8, 8}, p.target().shape());
        }

        Path broken = Files.createDirectories(dir.resolve("broken/images"));
        Files.write(broken.resolve("a.nii"), new byte[10]);
        ConfigException unreadable = assertThrows(ConfigException.class, () -> TrainingData.from(
                PretrainConfig.builder().with(PretrainOptions.DATA, broken.getParent()).build()));
        assertTrue(unreadable.getMessage().startsWith("cannot read " + broken.resolve("a.nii")), unreadable.getMessage());
        assertTrue(unreadable.getMessage().endsWith("(--skip-bad-files skips unreadable volumes)"), unreadable.getMessage());
    }
}
