package org.gvsl.model.file;

import org.gvsl.model.gvsl.BackboneGraph;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.gvsl.RegistrationGraph;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.ReferenceCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainedModelTest {

    @TempDir
    static Path dir;
    private static PretrainedModel reference;

    @BeforeAll
    static void openTheReferenceDict() throws IOException {
        reference = PretrainedModel.open(ReferenceDict.copy(dir, "gvsl_weights.npz"));
    }

    private static void assertPass(List<OutputResult> results, int count) {
        assertEquals(count, results.size());
        results.forEach(r -> assertTrue(r.passed(), r.line()));
    }

    @Test
    void anNpzStateDictOpensWithItsWidthsAndTheDefaults() {
        assertEquals(UNetWidths.NARROW, reference.config().widths());
        assertEquals(GvslConfig.builder().optWidths(UNetWidths.NARROW).build(), reference.config());
        assertEquals(2_033_303, reference.parameterCount());
        assertEquals(104, reference.weights().size());
        assertEquals(72, reference.backboneWeights().size(), "9 blocks of 2 convolutions and 2 GroupNorms");
        assertTrue(reference.provenance().source().startsWith("state dict "), reference.provenance().source());
        assertTrue(reference.describe().startsWith("widths [8, 16, 32, 64, 128, 64, 32, 16, 8], variant full,"
                + " 2,033,303 parameters; state dict "), reference.describe());
    }

    @Test
    void theBackboneReproducesTheUnetCaseAtEverySize() {
        ReferenceCase c = ReferenceCases.bundled().get("unet");
        List<OutputResult> results = new ArrayList<>();
        for (int i = 0; c.hasArray("x" + i); i++) {
            INDArray x = c.array("x" + i);
            BackboneGraph.Features f = reference.backbone(1, SpatialSize.of(x.shape())).features(x);
            results.add(c.check("f" + i, f.local()));
            results.add(c.check("g" + i, f.global()));
        }
        assertPass(results, 6);
    }

    @Test
    void theRegistrationAndTheWholeGraphReproduceTheGvslStepCase() {
        ReferenceCase c = ReferenceCases.bundled().get("gvsl_step");
        INDArray fixed = c.array("fixed");
        SpatialSize size = SpatialSize.of(fixed.shape());
        RegistrationGraph.Result r = reference.registration(2, size).register(fixed, c.array("moving"));
        GvslGraph whole = reference.whole(2, size);
        Map<String, INDArray> losses = whole.output(whole.inputs(fixed, c.array("moving"), c.array("target")),
                GvslGraph.LOSS_TOTAL, GvslGraph.RESTORED);
        assertPass(List.of(c.check("phi", r.dvf()), c.check("warped", r.warped()), c.check("A", r.affine()),
                c.check("loss_total", losses.get(GvslGraph.LOSS_TOTAL)),
                c.check("restored", losses.get(GvslGraph.RESTORED))), 5);
    }

    @Test
    void savingAndOpeningKeepsEveryWeightBitForBit() throws IOException {
        Path file = dir.resolve("saved.gvsl");
        reference.save(file);
        PretrainedModel again = PretrainedModel.open(file);
        assertEquals(reference.config(), again.config());
        assertEquals(reference.provenance(), again.provenance());
        reference.weights().forEach((n, w) -> assertArrayEquals(w.data().asFloat(),
                again.weights().get(n).data().asFloat(), n));
        assertTrue(again.runConfig().isEmpty());
    }

    @Test
    void theKindOfAFileIsReadFromItsContent() throws IOException {
        Path npzNamedGvsl = ReferenceDict.copy(dir, "weights.gvsl");
        assertEquals(UNetWidths.NARROW, PretrainedModel.open(npzNamedGvsl).config().widths());
        Path model = dir.resolve("model.npz");
        reference.save(model);
        assertEquals(reference.provenance(), PretrainedModel.open(model).provenance());
    }

    @Test
    void aRunFolderOpensItsModelFileOrElseItsWeightsAndConfiguration() throws IOException {
        Path legacy = Files.createDirectories(dir.resolve("legacy-run"));
        ReferenceDict.copy(legacy, PretrainedModel.RUN_WEIGHTS_FILE);
        GvslConfig trained = reference.config().toBuilder().optSeed(4).optNccWindow(7).build();
        String config = "{\"model\": " + ModelJson.toJson(trained) + ", \"data\": null, \"steps\": 240,"
                + " \"intensity\": \"CT\"}";
        Files.writeString(legacy.resolve(PretrainedModel.RUN_CONFIG_FILE), config);
        PretrainedModel fromWeights = PretrainedModel.open(legacy);
        assertEquals(trained, fromWeights.config(), "the run's own configuration, not the defaults");
        assertEquals(240, fromWeights.provenance().steps());
        assertEquals(4L, fromWeights.provenance().seed());
        assertEquals("built-in synthetic data", fromWeights.provenance().data());
        assertEquals(config, fromWeights.runConfig().orElseThrow());

        Path run = Files.createDirectories(dir.resolve("run"));
        reference.save(run.resolve(PretrainedModel.RUN_MODEL_FILE));
        Files.writeString(run.resolve(PretrainedModel.RUN_CONFIG_FILE), "not read: the model file wins");
        assertEquals(run.resolve(PretrainedModel.RUN_MODEL_FILE).toString(), PretrainedModel.open(run).origin());

        Path empty = Files.createDirectories(dir.resolve("unfinished"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(empty));
        assertEquals(empty + ": no trained model in this folder: a pre-training run folder holds model.gvsl (or, from"
                + " runs before it existed, weights.npz and config.json) once the run has finished", e.getMessage());

        Files.writeString(legacy.resolve(PretrainedModel.RUN_CONFIG_FILE), "{\"model\": "
                + ModelJson.toJson(trained.toBuilder().optVariant(Variant.NO_AFFINE).build()) + "}");
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(legacy));
        assertTrue(e.getMessage().contains("config.json describes widths [8, 16, 32, 64, 128, 64, 32, 16, 8], variant"
                + " NO_AFFINE, but weights.npz holds widths [8, 16, 32, 64, 128, 64, 32, 16, 8], variant FULL"),
                e.getMessage());
    }

    @Test
    void aBackboneOnlyModelHasNoRegistrationNorWholeGraph() throws IOException {
        Map<String, INDArray> backbone = new LinkedHashMap<>(reference.backboneWeights());
        Path npz = dir.resolve("unet.npz");
        ModelWeights.writeNpz(backbone, npz);
        PretrainedModel m = PretrainedModel.open(npz);
        assertTrue(m.backboneOnly());
        assertTrue(m.describe().contains("only the backbone, 1,472,952 parameters"), m.describe());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.registration(1, SpatialSize.cube(8)));
        assertEquals(npz + " holds only the backbone: no registration heads to register with", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> m.whole(1, SpatialSize.cube(8)));
        assertEquals(npz + " holds only the backbone: no heads for the whole GVSL graph", e.getMessage());
        Path saved = dir.resolve("unet.gvsl");
        m.save(saved);
        PretrainedModel again = PretrainedModel.open(saved);
        assertTrue(again.backboneOnly());
        assertEquals(m.weights().keySet(), again.weights().keySet());
    }

    @Test
    void sourcesThatAreNoModelAreNamed() throws IOException {
        Path missing = dir.resolve("nothing.npz");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        Path mixed = dir.resolve("mixed.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(mixed))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.npy"));
            zip.write(org.nd4j.linalg.factory.Nd4j.toNpyByteArray(org.nd4j.linalg.factory.Nd4j.zeros(2)));
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write(1);
        }
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(mixed));
        assertEquals(mixed + ": neither a gvsl model file (no gvsl-model.json) nor an .npz state dict (entries that are"
                + " not .npy arrays: [notes.txt])", e.getMessage());
        byte[] npz = ReferenceDict.bytes();
        Path truncated = Files.write(dir.resolve("truncated.npz"), java.util.Arrays.copyOf(npz, npz.length - 1000));
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": not a readable zip archive"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.openStateDict(truncated,
                Provenance.now("t", null, null, null)));
        assertTrue(e.getMessage().startsWith(truncated + ": not a readable zip archive"), e.getMessage());
        Path text = Files.writeString(dir.resolve("text.npz"), "");
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.openStateDict(text,
                Provenance.now("t", null, null, null)));
        assertTrue(e.getMessage().startsWith(text + ": not a readable zip archive"), e.getMessage());
    }
}
