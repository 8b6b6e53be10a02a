package org.gvsl.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The versioned model file of GVSL ({@code model.gvsl}): one zip archive that holds a trained model with what is
 * needed to use it and to know where it comes from.
 *
 * <pre>
 *   gvsl-model.json  {"format": "gvsl-model", "formatVersion": 1,
 *                     "model": {the model configuration, {@link ModelJson}: widths, variant, NCC window, λs, seed, Adam},
 *                     "backboneOnly": false,
 *                     "provenance": {source, steps, seed, data, projectVersion, created},
 *                     "graph": {"inputs": ["fixed", "moving", "target"], "batch": 2, "size": [32, 32, 32]}}
 *   config.json      the configuration of the run that wrote the file, as that run wrote it (optional)
 *   graph.fb         the SameDiff graph (FlatBuffers as SameDiff.save writes it, no optimiser state), whose
 *                    variables are the weights under the reference state-dict names
 * </pre>
 * The weights are stored once, in the graph; {@code graph} describes its placeholders (a fixed batch and size, e.g.
 * the training crop: {@link PretrainedModel} builds graphs of any size from the weights). All entries are deflated.
 *
 * <p><b>Reading is strict.</b> A file that is not a zip, a truncated or corrupt archive (every entry's CRC is
 * checked), a zip without the manifest, another {@code format} or {@code formatVersion}, a missing {@code graph.fb},
 * an invalid manifest or a graph whose weights do not match the manifest's model each give a {@link
 * ModelFormatException} naming the file and the problem.
 */
public final class ModelFile {

    /** The {@code format} of the manifest. */
    public static final String FORMAT = "gvsl-model";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest entry. */
    public static final String MANIFEST = "gvsl-model.json";
    /** The graph entry. */
    public static final String GRAPH = "graph.fb";
    /** The optional entry with the writer's run configuration. */
    public static final String RUN_CONFIG = "config.json";

    private ModelFile() {
    }

    /**
     * The manifest.
     *
     * @param format        {@link #FORMAT}
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param model         the model configuration
     * @param backboneOnly  whether only the U-Net's weights are stored
     * @param provenance    where the weights come from
     * @param graph         the placeholders of {@code graph.fb}
     */
    record Manifest(String format, int formatVersion, GvslConfig model, boolean backboneOnly, Provenance provenance,
                    GraphInputs graph) {
    }

    /**
     * The placeholders of the stored graph: their names, and the batch and spatial size they were built for.
     *
     * @param inputs placeholder names, e.g. {@code fixed, moving, target}
     * @param batch  N
     * @param size   {@code [D, H, W]}
     */
    record GraphInputs(List<String> inputs, int batch, List<Integer> size) {

        static GraphInputs of(SameDiff sd) {
            List<String> names = new ArrayList<>();
            long[] shape = null;
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.PLACEHOLDER) {
                    names.add(v.name());
                    shape = shape == null ? v.getShape() : shape;
                }
            }
            if (shape == null || shape.length != 5) {
                throw new IllegalArgumentException("a model graph needs [N, 1, D, H, W] placeholders, found " + names);
            }
            SpatialSize size = SpatialSize.of(shape);
            return new GraphInputs(names, Math.toIntExact(shape[0]), List.of(size.d(), size.h(), size.w()));
        }
    }

    /**
     * Writes a model file atomically ({@link AtomicFile}): the manifest, the run configuration if given, and
     * {@code graph} without optimiser state.
     *
     * @param config       the model configuration ({@code graph} must have been built from it)
     * @param backboneOnly whether {@code graph} holds only the U-Net
     * @param runConfig    the writer's run configuration (JSON text, stored as is), or null
     * @param graph        a graph whose trainable variables are the model's weights, e.g. the trained graph
     */
    public static void write(Path file, GvslConfig config, boolean backboneOnly, Provenance provenance,
                             String runConfig, SameDiff graph) throws IOException {
        Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, config, backboneOnly, provenance,
                GraphInputs.of(graph));
        byte[] manifestBytes = ModelJson.mapper().writeValueAsBytes(manifest);
        ByteBuffer flat = graph.asFlatBuffers(false);
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, MANIFEST, manifestBytes, 0, manifestBytes.length);
                if (runConfig != null) {
                    byte[] bytes = runConfig.getBytes(StandardCharsets.UTF_8);
                    put(zip, RUN_CONFIG, bytes, 0, bytes.length);
                }
                put(zip, GRAPH, flat.array(), flat.arrayOffset() + flat.position(), flat.remaining());
            }
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, int offset, int length)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes, offset, length);
        zip.closeEntry();
    }

    /** Whether the archive holds a manifest: a model file rather than another zip (such as an {@code .npz}). */
    static boolean isModelFile(ZipFile zip) {
        return zip.getEntry(MANIFEST) != null;
    }

    /**
     * Reads a model file: its manifest, checked; its weights from the graph, checked against the manifest.
     *
     * @throws ModelFormatException naming the file and what is wrong with it
     * @throws IOException          when the file cannot be read at all
     */
    static PretrainedModel read(Path file) throws IOException {
        String origin = file.toString();
        try (ZipFile zip = openZip(file)) {
            if (!isModelFile(zip)) {
                throw new ModelFormatException(origin, "not a gvsl model file: a zip archive without " + MANIFEST
                        + " (entries " + entryNames(zip) + ")");
            }
            Manifest manifest = manifest(entry(zip, MANIFEST, origin), origin);
            byte[] graphBytes = entry(zip, GRAPH, origin);
            String runConfig = zip.getEntry(RUN_CONFIG) == null ? null
                    : new String(entry(zip, RUN_CONFIG, origin), StandardCharsets.UTF_8);
            Map<String, INDArray> weights = weights(GraphRuntime.load(graphBytes, origin + "!" + GRAPH));
            StateDict dict = StateDict.of(weights, origin + "!" + GRAPH);
            if (!dict.widths().equals(manifest.model().widths()) || dict.backboneOnly() != manifest.backboneOnly()
                    || dict.variant().map(v -> v != manifest.model().variant()).orElse(false)) {
                throw new ModelFormatException(origin, MANIFEST + " describes widths " + manifest.model().widths()
                        + ", " + describe(manifest.backboneOnly(), manifest.model()) + ", but " + GRAPH
                        + " holds widths " + dict.widths() + ", " + dict.variant().map(v -> "variant " + v)
                        .orElse("backbone only"));
            }
            return new PretrainedModel(origin, manifest.model(), manifest.backboneOnly(), manifest.provenance(),
                    runConfig, dict.weights());
        }
    }

    private static String describe(boolean backboneOnly, GvslConfig config) {
        return backboneOnly ? "backbone only" : "variant " + config.variant();
    }

    private static Manifest manifest(byte[] bytes, String origin) throws ModelFormatException {
        JsonNode tree;
        try {
            tree = ModelJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(origin, MANIFEST + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(origin, MANIFEST + " cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText(null))) {
            throw new ModelFormatException(origin, "not a gvsl model file: " + MANIFEST + " does not say \"format\": \""
                    + FORMAT + "\"");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral()) {
            throw new ModelFormatException(origin, MANIFEST + " has no integer \"formatVersion\"");
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new ModelFormatException(origin, "model file format version " + version.asText() + "; this gvsl ("
                    + Provenance.writerVersion() + ") reads version " + FORMAT_VERSION
                    + (version.asInt() > FORMAT_VERSION ? " (written by a newer gvsl: upgrade to read it)" : ""));
        }
        return ModelJson.read(tree, Manifest.class, origin, MANIFEST);
    }

    /** The bytes of an entry, its CRC checked. */
    static byte[] entry(ZipFile zip, String name, String origin) throws ModelFormatException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException(origin, "no entry " + name + " (a model file holds " + MANIFEST + ", "
                    + GRAPH + " and optionally " + RUN_CONFIG + "; this one holds " + entryNames(zip) + ")");
        }
        CRC32 crc = new CRC32();
        byte[] bytes;
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFormatException(origin, "entry " + name + " is corrupt (" + e.getMessage() + ")", e);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new ModelFormatException(origin, "entry " + name + " is corrupt (its CRC-32 does not match)");
        }
        return bytes;
    }

    static List<String> entryNames(ZipFile zip) {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).limit(8).toList();
    }

    /** The trainable variables of a graph by name: the weights. */
    private static Map<String, INDArray> weights(SameDiff sd) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                weights.put(v.name(), v.getArr());
            }
        }
        return weights;
    }

    /**
     * Opens a zip archive for reading.
     *
     * @throws ModelFormatException naming the file when it is missing or not a readable zip archive
     */
    static ZipFile openZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file.toString(), Files.exists(file) ? "not a regular file" : "no such file");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ModelFormatException(file.toString(), "not a readable zip archive (truncated or corrupt, or"
                    + " neither a gvsl model file nor an .npz state dict): " + e.getMessage(), e);
        }
    }
}
