package org.gvsl.model.file;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    private static final GvslConfig CONFIG = GvslConfig.builder()
            .optWidths(new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4)).optSeed(11).optNccWindow(5).build();
    private static final Provenance PROVENANCE = new Provenance("test", 7, 11L, "noise", "0.0-test",
            "2026-01-02T03:04:05Z");
    private static final String RUN_CONFIG = "{\"steps\": 7, \"anything\": [1, 2]}";

    @TempDir
    static Path dir;
    private static GvslGraph graph;
    private static Path good;

    @BeforeAll
    static void writeOne() throws IOException {
        graph = GvslGraphFactory.build(CONFIG, 2, new SpatialSize(8, 8, 16));
        good = dir.resolve("model.gvsl");
        ModelFile.write(good, CONFIG, false, PROVENANCE, RUN_CONFIG, graph.sameDiff());
    }

    /** The entries of the good file, in order. */
    private static Map<String, byte[]> entries() throws IOException {
        return ZipEntries.read(good);
    }

    private static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return ZipEntries.write(dir.resolve(name), entries);
    }

    private static Path withManifest(String name, UnaryOperator<String> edit) throws IOException {
        return ZipEntries.withTextEntry(good, dir.resolve(name), ModelFile.MANIFEST, edit);
    }

    private static String failure(Path file) {
        return assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage();
    }

    @Test
    void aModelFileHoldsTheManifestTheRunConfigurationAndTheGraph() throws IOException {
        Map<String, byte[]> entries = entries();
        assertEquals(List.of("gvsl-model.json", "config.json", "graph.fb"), List.copyOf(entries.keySet()));
        String manifest = new String(entries.get(ModelFile.MANIFEST), StandardCharsets.UTF_8);
        for (String part : List.of("\"format\" : \"gvsl-model\"", "\"formatVersion\" : 1",
                "\"widths\" : [ 4, 4, 8, 8, 8, 8, 8, 4, 4 ]", "\"nccWindow\" : 5", "\"backboneOnly\" : false",
                "\"steps\" : 7", "\"data\" : \"noise\"", "\"projectVersion\" : \"0.0-test\"",
                "\"inputs\" : [ \"fixed\", \"moving\", \"target\" ]", "\"batch\" : 2", "\"size\" : [ 8, 8, 16 ]")) {
            assertTrue(manifest.contains(part), part + " in " + manifest);
        }
        assertEquals(RUN_CONFIG, new String(entries.get(ModelFile.RUN_CONFIG), StandardCharsets.UTF_8));
        SameDiff stored = GraphRuntime.load(entries.get(ModelFile.GRAPH), "graph.fb");
        assertArrayEquals(new long[] {2, 1, 8, 8, 16}, stored.getVariable("moving").getShape());
        long weightBytes = 4 * graph.parameters().values().stream().mapToLong(INDArray::length).sum();
        assertTrue(Files.size(good) < 3 * weightBytes + 200_000, "the weights are stored once: " + Files.size(good));
    }

    @Test
    void readingGivesBackWhatWasWritten() throws IOException {
        PretrainedModel m = ModelFile.read(good);
        assertEquals(CONFIG, m.config());
        assertFalse(m.backboneOnly());
        assertEquals(PROVENANCE, m.provenance());
        assertEquals(RUN_CONFIG, m.runConfig().orElseThrow());
        assertEquals(good.toString(), m.origin());
        Map<String, INDArray> written = graph.parameters();
        assertEquals(written.keySet(), m.weights().keySet());
        written.forEach((name, w) -> assertEquals(w, m.weights().get(name), name));
        assertTrue(written.keySet().stream().allMatch(n -> Arrays.equals(written.get(n).data().asFloat(),
                m.weights().get(n).data().asFloat())), "bit for bit");
    }

    @Test
    void anotherFormatVersionIsNamed() throws IOException {
        Path newer = withManifest("newer.gvsl", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertEquals(newer + ": model file format version 2; this gvsl (development build) reads version 1 (written by"
                + " a newer gvsl: upgrade to read it)", failure(newer));
        Path none = withManifest("none.gvsl", s -> s.replace("\"formatVersion\" : 1,", ""));
        assertEquals(none + ": gvsl-model.json has no integer \"formatVersion\"", failure(none));
    }

    @Test
    void truncatedAndCorruptFilesAreNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.gvsl"), Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failure(truncated).startsWith(truncated + ": not a readable zip archive (truncated or corrupt"),
                failure(truncated));

        Map<String, byte[]> entries = entries();
        Path stored = zip("stored.gvsl", entries);
        byte[] corrupt = Files.readAllBytes(stored);
        int graphData = indexOf(corrupt, "graph.fb".getBytes(StandardCharsets.US_ASCII)) + 200;
        for (int i = 0; i < 16; i++) {
            corrupt[graphData + i] ^= (byte) 0x5A;
        }
        Path flipped = Files.write(dir.resolve("flipped.gvsl"), corrupt);
        assertTrue(failure(flipped).startsWith(flipped + ": entry graph.fb is corrupt"), failure(flipped));
    }

    @Test
    void aMissingEntryIsNamed() throws IOException {
        Map<String, byte[]> entries = entries();
        entries.remove(ModelFile.GRAPH);
        Path noGraph = zip("nograph.gvsl", entries);
        assertEquals(noGraph + ": no entry graph.fb (a model file holds gvsl-model.json, graph.fb and optionally"
                + " config.json; this one holds [gvsl-model.json, config.json])", failure(noGraph));
    }

    @Test
    void otherZipsAndOtherFilesAreNotModelFiles() throws IOException {
        Path other = zip("other.zip", Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(other + ": not a gvsl model file: a zip archive without gvsl-model.json (entries [readme.txt])",
                failure(other));
        Path text = Files.writeString(dir.resolve("text.gvsl"), "just text");
        assertTrue(failure(text).startsWith(text + ": not a readable zip archive"), failure(text));
        Path otherFormat = withManifest("format.gvsl", s -> s.replace("\"format\" : \"gvsl-model\"",
                "\"format\" : \"onnx\""));
        assertEquals(otherFormat + ": not a gvsl model file: gvsl-model.json does not say \"format\": \"gvsl-model\"",
                failure(otherFormat));
        Path notJson = withManifest("json.gvsl", s -> s.substring(0, 40));
        assertTrue(failure(notJson).startsWith(notJson + ": gvsl-model.json is not valid JSON"), failure(notJson));
        Path missing = dir.resolve("missing.gvsl");
        assertEquals(missing + ": no such file", failure(missing));
    }

    @Test
    void aManifestThatDoesNotDescribeTheGraphIsRejected() throws IOException {
        Path lies = withManifest("lies.gvsl", s -> s.replace("\"widths\" : [ 4, 4, 8, 8, 8, 8, 8, 4, 4 ]",
                "\"widths\" : [ 8, 16, 32, 64, 128, 64, 32, 16, 8 ]"));
        assertEquals(lies + ": gvsl-model.json describes widths [8, 16, 32, 64, 128, 64, 32, 16, 8], variant FULL, but"
                + " graph.fb holds widths [4, 4, 8, 8, 8, 8, 8, 4, 4], variant FULL", failure(lies));
        Path invalid = withManifest("invalid.gvsl", s -> s.replace("\"nccWindow\" : 5", "\"nccWindow\" : 6"));
        assertTrue(failure(invalid).contains("invalid gvsl-model.json: nccWindow must be odd and positive, got 6"),
                failure(invalid));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
