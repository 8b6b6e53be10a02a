package org.gvsl.model.file;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferGraphFactory;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferModelFileTest {

    private static final UNetWidths WIDTHS = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);
    private static final TransferConfig CONFIG = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(3)
            .optWidths(WIDTHS).optMode(TransferMode.LINEAR).optLambdaCe(0.5).optSeed(5).build();
    private static final SpatialSize WINDOW = new SpatialSize(16, 16, 32);
    private static final Provenance PROVENANCE = new Provenance("test", 9, 5L, "data/x", "0.0-test",
            "2026-01-02T03:04:05Z");
    private static final String RUN_CONFIG = "{\"intensity\": \"mr\"}";

    @TempDir
    static Path dir;
    private static TransferGraph graph;
    private static Path good;

    @BeforeAll
    static void writeOne() throws IOException {
        graph = TransferGraphFactory.build(CONFIG, SpatialSize.cube(16));
        good = dir.resolve("model.gvsl");
        TransferModelFile.write(good, CONFIG, WINDOW, PROVENANCE, RUN_CONFIG, graph.weights());
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        return ZipEntries.read(file);
    }

    private static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return ZipEntries.write(dir.resolve(name), entries);
    }

    private static Path withManifest(String name, UnaryOperator<String> edit) throws IOException {
        return ZipEntries.withTextEntry(good, dir.resolve(name), TransferModelFile.MANIFEST, edit);
    }

    private static String failure(Path file) {
        return assertThrows(ModelFormatException.class, () -> TransferModelFile.read(file)).getMessage();
    }

    @Test
    void readingGivesBackWhatWasWrittenBitForBit() throws IOException {
        assertEquals(List.of("gvsl-transfer-model.json", "config.json", "weights.npz"),
                List.copyOf(entries(good).keySet()));
        String manifest = new String(entries(good).get(TransferModelFile.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"format\" : \"gvsl-transfer-model\"") && manifest.contains(
                "\"formatVersion\" : 1") && manifest.contains("\"window\" : [ 16, 16, 32 ]"), manifest);

        TransferModel m = TransferModelFile.read(good);
        assertEquals(CONFIG, m.config());
        assertEquals(WINDOW, m.window());
        assertEquals(PROVENANCE, m.provenance());
        assertEquals(RUN_CONFIG, m.runConfigText().orElseThrow());
        Map<String, INDArray> written = graph.weights();
        assertEquals(written.keySet(), m.weights().keySet());
        assertTrue(written.keySet().stream().anyMatch(n -> n.startsWith("unet.")), "the frozen backbone is stored");
        written.forEach((name, w) -> assertArrayEquals(w.data().asFloat(), m.weights().get(name).data().asFloat(),
                name));
        // a run folder is read through its model.gvsl
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.copy(good, run.resolve(PretrainedModel.RUN_MODEL_FILE));
        assertEquals(run.resolve("model.gvsl").toString(), TransferModelFile.read(run).origin());
    }

    @Test
    void anotherFormatOrVersionIsNamed() throws IOException {
        Path newer = withManifest("newer.gvsl", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertEquals(newer + ": transfer model file format version 2; this gvsl (development build) reads version 1"
                + " (written by a newer gvsl: upgrade to read it)", failure(newer));
        Path older = withManifest("older.gvsl", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 0"));
        assertEquals(older + ": transfer model file format version 0; this gvsl (development build) reads version 1",
                failure(older));
        Path other = withManifest("other.gvsl", s -> s.replace("\"format\" : \"gvsl-transfer-model\"",
                "\"format\" : \"onnx\""));
        assertEquals(other + ": not a gvsl transfer model file: gvsl-transfer-model.json does not say \"format\":"
                + " \"gvsl-transfer-model\"", failure(other));
        Path window = withManifest("window.gvsl", s -> s.replace("\"window\" : [ 16, 16, 32 ]", "\"window\" : [ 16 ]"));
        assertEquals(window + ": gvsl-transfer-model.json: \"window\" must be three positive sizes, got [16]",
                failure(window));
    }

    @Test
    void aPreTrainedModelIsNotAFineTunedOneNorTheOtherWayRound() throws IOException {
        Path pretrained = dir.resolve("pretrained.gvsl");
        PretrainedModel.fromStateDict(graph.weights().entrySet().stream().filter(e -> e.getKey().startsWith("unet."))
                        .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll),
                "backbone", PROVENANCE).save(pretrained);
        assertEquals(pretrained + ": a pre-trained model (gvsl-model), not a fine-tuned model: use it with gvsl"
                + " finetune --init, gvsl linear --init, gvsl features or gvsl register", failure(pretrained));
        Path pretrainRun = Files.createDirectories(dir.resolve("pretrain-run"));
        Files.copy(pretrained, pretrainRun.resolve(PretrainedModel.RUN_MODEL_FILE));
        assertTrue(failure(pretrainRun).startsWith(pretrainRun.resolve("model.gvsl")
                + ": a pre-trained model (gvsl-model), not a fine-tuned model"), failure(pretrainRun));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(good));
        assertEquals(good + ": a fine-tuned model (gvsl-transfer-model), not a pre-trained model: use it with gvsl"
                + " predict (or as the result of gvsl finetune/linear)", e.getMessage());
        Path fineTuneRun = Files.createDirectories(dir.resolve("finetune-run"));
        Files.copy(good, fineTuneRun.resolve(PretrainedModel.RUN_MODEL_FILE));
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.open(fineTuneRun));
        assertTrue(e.getMessage().startsWith(fineTuneRun.resolve("model.gvsl") + ": a fine-tuned model"),
                e.getMessage());

        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.openStateDict(good, PROVENANCE));
        assertEquals(good + ": a fine-tuned model (gvsl-transfer-model), not an .npz state dict: use it with gvsl"
                + " predict (or as the result of gvsl finetune/linear)", e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> PretrainedModel.openStateDict(pretrained, PROVENANCE));
        assertTrue(e.getMessage().startsWith(pretrained + ": a pre-trained model (gvsl-model), not an .npz state"
                + " dict"), e.getMessage());

        Path npz = dir.resolve("weights.npz");
        ModelWeights.writeNpz(graph.weights(), npz);
        assertEquals(npz + ": an .npz state dict, not a gvsl transfer model file (a fine-tuned model is used with gvsl"
                + " predict (or as the result of gvsl finetune/linear))", failure(npz));
        Path unfinished = Files.createDirectories(dir.resolve("unfinished"));
        assertEquals(unfinished + ": no model.gvsl in this folder: a gvsl finetune or gvsl linear run folder holds one"
                + " once the run has finished", failure(unfinished));
    }

    @Test
    void truncatedCorruptAndIncompleteFilesAreNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.gvsl"), Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failure(truncated).startsWith(truncated + ": not a readable zip archive (truncated or corrupt"),
                failure(truncated));
        Path missing = dir.resolve("missing.gvsl");
        assertEquals(missing + ": no such file", failure(missing));

        Map<String, byte[]> entries = entries(good);
        byte[] corrupt = Files.readAllBytes(zip("stored.gvsl", entries));
        int weights = lastIndexOf(corrupt, TransferModelFile.WEIGHTS.getBytes(StandardCharsets.US_ASCII));
        int data = indexOf(corrupt, TransferModelFile.WEIGHTS.getBytes(StandardCharsets.US_ASCII)) + 300;
        assertTrue(data < weights, "the flipped bytes lie in the weights entry's data");
        for (int i = 0; i < 16; i++) {
            corrupt[data + i] ^= (byte) 0x5A;
        }
        Path flipped = Files.write(dir.resolve("flipped.gvsl"), corrupt);
        assertTrue(failure(flipped).startsWith(flipped + ": entry weights.npz is corrupt"), failure(flipped));

        Map<String, byte[]> noWeights = new LinkedHashMap<>(entries);
        noWeights.remove(TransferModelFile.WEIGHTS);
        Path incomplete = zip("noweights.gvsl", noWeights);
        assertEquals(incomplete + ": no entry weights.npz (a transfer model file holds gvsl-transfer-model.json,"
                + " weights.npz and optionally config.json; this one holds [gvsl-transfer-model.json, config.json])",
                failure(incomplete));

        Map<String, INDArray> fewer = new LinkedHashMap<>(ModelWeights.readNpz(new ByteArrayInputStream(
                entries.get(TransferModelFile.WEIGHTS)), "weights"));
        String dropped = fewer.keySet().stream().filter(n -> !n.startsWith("unet.")).findFirst().orElseThrow();
        fewer.remove(dropped);
        ByteArrayOutputStream npz = new ByteArrayOutputStream();
        ModelWeights.writeNpz(fewer, npz);
        Map<String, byte[]> unfit = new LinkedHashMap<>(entries);
        unfit.put(TransferModelFile.WEIGHTS, npz.toByteArray());
        Path lies = zip("unfit.gvsl", unfit);
        assertTrue(failure(lies).startsWith(lies + ": the weights do not fit the model the manifest describes"
                + " (SEGMENTATION, widths [4, 4, 8, 8, 8, 8, 8, 4, 4], 3 classes)"), failure(lies));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
