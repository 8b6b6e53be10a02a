package org.gvsl.train.checkpoint;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.train.config.PretrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest {

    private static final PretrainConfig CONFIG = PretrainConfig.builder().build();

    private static TrainingState state(int step) {
        return TrainingState.of(step, CONFIG.seed(), step * 1.5, Map.of("loss_total", 1.0 / step), "now", CONFIG);
    }

    @Test
    void keepsTheNewestKAndReadsThemBack(@TempDir Path dir) throws Exception {
        SameDiff sd = SmallGraph.create("w");
        CheckpointStore store = CheckpointStore.open(dir, 2);
        for (int step = 1; step <= 4; step++) {
            SmallGraph.step(sd);
            Checkpoint c = store.write(sd, state(step));
            assertEquals(dir.resolve(CheckpointStore.folderName(step)), c.dir());
        }
        List<Checkpoint> all = store.list();
        assertEquals(List.of(3, 4), all.stream().map(Checkpoint::step).toList());
        assertFalse(Files.exists(dir.resolve("step-000002")));
        Checkpoint latest = store.latest().orElseThrow();
        assertEquals(state(4), latest.state());
        assertTrue(Files.size(latest.modelFile()) > 0);
        assertEquals(4, GraphRuntime.load(latest.modelFile(), true).getTrainingConfig().getIterationCount());
    }

    @Test
    void openingRemovesInterruptedWritesAndIgnoresIncompleteFolders(@TempDir Path dir) throws Exception {
        SameDiff sd = SmallGraph.create("w");
        SmallGraph.step(sd);
        CheckpointStore.open(dir, 3).write(sd, state(1));
        Path stale = Files.createDirectories(dir.resolve(".tmp-step-000002-123"));
        Files.writeString(stale.resolve(Checkpoint.MODEL_FILE), "half");
        Files.createDirectories(dir.resolve("step-000003"));   // no files: not a checkpoint
        Path broken = Files.createDirectories(dir.resolve("step-000004"));
        Files.writeString(broken.resolve(Checkpoint.MODEL_FILE), "x");
        Files.writeString(broken.resolve(Checkpoint.STATE_FILE), "{\"step\": ");
        CheckpointStore store = CheckpointStore.open(dir, 3);
        assertFalse(Files.exists(stale));
        assertEquals(1, store.latest().orElseThrow().step());
    }

    @Test
    void rewritingAStepReplacesIt(@TempDir Path dir) throws Exception {
        SameDiff sd = SmallGraph.create("w");
        CheckpointStore store = CheckpointStore.open(dir, 3);
        SmallGraph.step(sd);
        store.write(sd, state(1));
        TrainingState again = TrainingState.of(1, CONFIG.seed(), 9.0, Map.of(), "later", CONFIG);
        store.write(sd, again);
        assertEquals(List.of(again), store.list().stream().map(Checkpoint::state).toList());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void keepMustBePositive(@TempDir Path dir) {
        String e = assertThrows(IllegalArgumentException.class, () -> CheckpointStore.open(dir, 0)).getMessage();
        assertTrue(e.contains("keep must be ≥ 1, got 0"), e);
    }
}
