package org.gvsl.train.checkpoint;

import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphStateTest {

    @Test
    void aFreshGraphRestoredFromAFileTrainsOnExactlyLikeTheOriginal(@TempDir Path dir) throws Exception {
        SameDiff original = SmallGraph.create("w");
        SmallGraph.step(original);
        SmallGraph.step(original);
        Path file = dir.resolve("model.fb");
        GraphState.save(original, file);

        SameDiff restored = SmallGraph.create("w");
        GraphState.restore(restored, file);
        assertEquals(2, restored.getTrainingConfig().getIterationCount());
        assertArrayEquals(original.getArrForVarName("w").toFloatVector(), restored.getArrForVarName("w").toFloatVector());
        for (int i = 0; i < 3; i++) {
            SmallGraph.step(original);
            SmallGraph.step(restored);
        }
        assertArrayEquals(original.getArrForVarName("w").toFloatVector(), restored.getArrForVarName("w").toFloatVector());

        // Without the Adam state the same weights take another path: the restore is what makes them equal.
        SameDiff weightsOnly = SmallGraph.create("w");
        weightsOnly.getArrForVarName("w").assign(GraphRuntime.load(file, false).getArrForVarName("w"));
        for (int i = 0; i < 3; i++) {
            SmallGraph.step(weightsOnly);
        }
        assertFalse(java.util.Arrays.equals(original.getArrForVarName("w").toFloatVector(),
                weightsOnly.getArrForVarName("w").toFloatVector()));
    }

    @Test
    void anotherModelIsRefusedByName(@TempDir Path dir) throws Exception {
        SameDiff original = SmallGraph.create("w");
        SmallGraph.step(original);
        Path file = dir.resolve("model.fb");
        GraphState.save(original, file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphState.restore(SmallGraph.create("v"), file));
        assertTrue(e.getMessage().contains("does not hold this model's parameters: missing [v], not in this model [w]"),
                e.getMessage());
    }

    @Test
    void aFileWithoutOptimiserStateOrNoFileIsAnError(@TempDir Path dir) throws Exception {
        SameDiff untrained = SmallGraph.create("w");
        Path file = dir.resolve("model.fb");
        untrained.save(file.toFile(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphState.restore(SmallGraph.create("w"), file));
        assertTrue(e.getMessage().contains(file + " holds no optimiser state"), e.getMessage());
        String none = assertThrows(IOException.class, () -> GraphState.restore(SmallGraph.create("w"), dir.resolve("none.fb")))
                .getMessage();
        assertEquals("no such SameDiff file: " + dir.resolve("none.fb"), none);
        Path junk = Files.writeString(dir.resolve("junk.fb"), "not a graph");
        IOException io = assertThrows(IOException.class, () -> GraphState.restore(SmallGraph.create("w"), junk));
        assertTrue(io.getMessage().contains("cannot read " + junk + " as a SameDiff graph"), io.getMessage());
    }
}
