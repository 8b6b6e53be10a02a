package org.gvsl.train.pretrain;

import org.gvsl.train.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 26, 9, 5, 3);

    @Test
    void newRunsAreTimeStampedAndNeverReused(@TempDir Path dir) throws Exception {
        RunFolder a = RunFolder.create(null, dir, NOW);
        assertEquals(dir.resolve("pretrain-20251126-090503"), a.dir());
        assertTrue(Files.isDirectory(a.dir()));
        assertEquals(dir.resolve("pretrain-20251126-090503-2"), RunFolder.create(null, dir, NOW).dir());
        assertEquals(a.dir().resolve("checkpoints"), a.checkpoints());
        assertEquals(a.dir().resolve("weights.npz"), a.weights());
        assertEquals(a.dir().resolve("model.gvsl"), a.modelFile());
        assertEquals(dir.resolve("finetune-20251126-090503"), RunFolder.create("finetune", null, dir, NOW).dir());
    }

    @Test
    void anExplicitFolderMustBeNewOrEmpty(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(empty, RunFolder.create(empty, dir, NOW).dir());
        Files.writeString(empty.resolve("config.json"), "{}");
        ConfigException e = assertThrows(ConfigException.class, () -> RunFolder.create(empty, dir, NOW));
        assertTrue(e.getMessage().contains("already exists and is not empty; continue it with --resume " + empty),
                e.getMessage());
    }

    @Test
    void onlyARunFolderCanBeOpened(@TempDir Path dir) throws Exception {
        String none = assertThrows(ConfigException.class, () -> RunFolder.open(dir.resolve("none"))).getMessage();
        assertEquals("no run folder " + dir.resolve("none") + " to resume", none);
        String notARun = assertThrows(ConfigException.class, () -> RunFolder.open(dir)).getMessage();
        assertEquals(dir + " is not a gvsl run folder (no config.json)", notARun);
        Files.writeString(dir.resolve("config.json"), "{}");
        assertEquals(dir, RunFolder.open(dir).dir());
    }
}
