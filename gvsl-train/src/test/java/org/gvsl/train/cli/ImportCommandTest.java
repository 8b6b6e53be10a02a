package org.gvsl.train.cli;

import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.train.cli.CliRun.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.gvsl.train.cli.CliRun.gvsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportCommandTest {

    @TempDir
    Path dir;

    private static void assertUsageError(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    @Test
    void theReferenceStateDictBecomesAModelFileWithTheSameWeights() throws IOException {
        Path npz = ReferenceFiles.weights(dir, "weights.npz");
        Path model = dir.resolve("out/ref.gvsl");
        Outcome o = gvsl("import", "--npz", npz.toString(), "--out", model.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("imported " + npz + ": widths [8, 16, 32, 64, 128, 64, 32, 16, 8], variant full,"
                + " 2,033,303 parameters; gvsl import of " + npz), o.out());
        assertTrue(o.out().contains("wrote " + model), o.out());
        PretrainedModel m = PretrainedModel.open(model);
        assertEquals("gvsl import of " + npz, m.provenance().source());
        ModelWeights.readNpz(npz).forEach((name, w) -> assertArrayEquals(w.data().asFloat(),
                m.weights().get(name).data().asFloat(), name));
    }

    @Test
    void aBackboneDictWithoutTheUnetPrefixImports() throws IOException {
        Map<String, INDArray> bare = new LinkedHashMap<>();
        ModelWeights.readNpz(ReferenceFiles.weights(dir, "all.npz")).forEach((k, v) -> {
            if (k.startsWith("unet.")) {
                bare.put(k.substring(5), v);
            }
        });
        Path npz = dir.resolve("unet.npz");
        ModelWeights.writeNpz(bare, npz);
        Outcome o = gvsl("import", "--npz", npz.toString(), "--out", dir.resolve("unet.gvsl").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("only the backbone, 1,472,952 parameters"), o.out());
        assertTrue(PretrainedModel.open(dir.resolve("unet.gvsl")).backboneOnly());
    }

    @Test
    void aDictThatDoesNotFitListsEveryProblemAndWritesNothing() throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>(ModelWeights.readNpz(ReferenceFiles.weights(dir, "a.npz")));
        tensors.remove("sp_conv.double_conv.1.bias");
        tensors.put("unet.outc.weight", Nd4j.zeros(DataType.FLOAT, 2, 8, 1, 1, 1));
        tensors.put("fc_scl.weight", Nd4j.zeros(DataType.FLOAT, 3, 63));
        Path npz = dir.resolve("bad.npz");
        ModelWeights.writeNpz(tensors, npz);
        Path model = dir.resolve("bad.gvsl");
        Outcome o = gvsl("import", "--npz", npz.toString(), "--out", model.toString());
        assertUsageError(o, "gvsl import: " + npz + ": does not match the GVSL model its shapes describe (widths [8, 16,"
                + " 32, 64, 128, 64, 32, 16, 8], variant FULL): tensors 1 missing [sp_conv.double_conv.1.bias]; 1"
                + " unexpected [unet.outc.weight]; 1 of the wrong shape [fc_scl.weight is [3, 63], the model needs [3,"
                + " 64]]");
        assertFalse(Files.exists(model));
    }

    @Test
    void filesThatAreNoStateDictAreUsageErrors() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.npz"), "text");
        assertUsageError(gvsl("import", "--npz", text.toString(), "--out", dir.resolve("x.gvsl").toString()),
                text + ": not a readable zip archive");
        Path missing = dir.resolve("missing.npz");
        assertUsageError(gvsl("import", "--npz", missing.toString(), "--out", dir.resolve("x.gvsl").toString()),
                "gvsl import: " + missing + ": no such file");
        assertEquals(2, gvsl("import", "--npz", missing.toString()).status(), "--out is required");
        Path npz = ReferenceFiles.weights(dir, "w.npz");
        assertUsageError(gvsl("import", "--npz", npz.toString(), "--out", dir.toString()),
                "gvsl import: --out " + dir + " is a folder: name the model file, e.g. " + dir.resolve("model.gvsl"));
    }
}
