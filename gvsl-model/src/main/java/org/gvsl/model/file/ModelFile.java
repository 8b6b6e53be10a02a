package org.gvsl.model.file;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p><b>Reading is strict</b>, by the rules every gvsl model file shares ({@link ModelArchive}, written once): a
 * file that is not a zip, a truncated or corrupt archive (every entry's CRC is checked), a zip without the manifest
 * (a downstream {@link TransferModelFile} or an {@code .npz} is named as such), another {@code format} or
 * {@code formatVersion}, a missing {@code graph.fb}, an invalid manifest or a graph whose weights do not match the
 * manifest's model each give a {@link ModelFormatException} naming the file and the problem.
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

    /** The layout of this kind of file, for the reading rules all model files share ({@link ModelArchive}). */
    static final ModelArchive.Layout LAYOUT = new ModelArchive.Layout(MANIFEST, FORMAT, FORMAT_VERSION, GRAPH,
            "model file", "a pre-trained model", "gvsl finetune --init, gvsl linear --init, gvsl features or gvsl"
            + " register");

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
        Map<String, ByteBuffer> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, ByteBuffer.wrap(ModelJson.mapper().writeValueAsBytes(manifest)));
        if (runConfig != null) {
            entries.put(RUN_CONFIG, ByteBuffer.wrap(runConfig.getBytes(StandardCharsets.UTF_8)));
        }
        entries.put(GRAPH, graph.asFlatBuffers(false));
        ModelArchive.write(file, entries);
    }

    /**
     * Reads a model file: its manifest, checked; its weights from the graph, checked against the manifest.
     *
     * @throws ModelFormatException naming the file and what is wrong with it
     * @throws IOException          when the file cannot be read at all
     */
    static PretrainedModel read(Path file) throws IOException {
        try (ModelArchive archive = ModelArchive.open(file)) {
            return read(archive);
        }
    }

    /** Reads an opened model file ({@link #read(Path)}). */
    static PretrainedModel read(ModelArchive archive) throws IOException {
        String origin = archive.origin();
        Manifest manifest = ModelJson.read(archive.manifest(LAYOUT), Manifest.class, origin, MANIFEST);
        byte[] graphBytes = archive.entry(GRAPH, LAYOUT);
        String runConfig = archive.runConfig(LAYOUT).orElse(null);
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

    private static String describe(boolean backboneOnly, GvslConfig config) {
        return backboneOnly ? "backbone only" : "variant " + config.variant();
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
}
