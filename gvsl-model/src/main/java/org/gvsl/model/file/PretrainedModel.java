package org.gvsl.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.gvsl.BackboneGraph;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.gvsl.RegistrationGraph;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pre-trained GVSL model, opened from any of the places weights live, and its graphs built for the size one
 * needs.
 *
 * <p><b>Sources</b> ({@link #open}): a model file ({@link ModelFile}, {@code model.gvsl}); an {@code .npz} state
 * dict of the full model, an ablation or the backbone alone ({@link StateDict}: widths and heads are read off the
 * shapes, the rest of the configuration takes {@link GvslConfig}'s defaults); or a pre-training run folder — its
 * {@value #RUN_MODEL_FILE}, or for runs written before model files existed its {@value #RUN_WEIGHTS_FILE} with the
 * {@code model} object of its {@value #RUN_CONFIG_FILE}. The kind of a file is recognised from its content, not its
 * name; a fine-tuned model ({@link TransferModelFile}, or a fine-tuning run folder) is refused in one line that
 * names it as such.
 *
 * <p><b>Graphs</b>, float32, each for a batch size and spatial size, with these weights:
 * <ul>
 *   <li>{@link #backbone}: {@code image [N, 1, D, H, W]} → {@code local_features [N, c8, D, H, W]} and
 *       {@code global_features [N, c4, D'/16, H'/16, W'/16]} ({@link BackboneGraph}); any size.</li>
 *   <li>{@link #registration}: {@code fixed, moving [N, 1, D, H, W]} → {@code dvf [N, 3, D, H, W]} (voxels),
 *       {@code warped [N, 1, D, H, W]}, {@code affine_matrix [N, 3, 4]} ({@link RegistrationGraph}); every axis
 *       ≥ 2, fixed and moving of the same size.</li>
 *   <li>{@link #whole}: the pre-training graph with its losses and Adam ({@link GvslGraph}), to train further.</li>
 * </ul>
 * Example: {@code PretrainedModel.open(Path.of("runs/pretrain-…")).backbone(1, new SpatialSize(96, 128, 128))
 * .features(image).local()}. SameDiff's cache of released arrays is off unless the user turned it
 * on ({@link org.gvsl.model.backend.NativeMemory#arrayCacheOn()}), which keeps the peak memory of whole-volume inference about a
 * third of what it is with the cache.
 */
public final class PretrainedModel {

    /** The model file of a pre-training run folder. */
    public static final String RUN_MODEL_FILE = "model.gvsl";
    /** The weights of a run folder under the reference state-dict names (also in runs before model files). */
    public static final String RUN_WEIGHTS_FILE = "weights.npz";
    /** The run configuration of a run folder; its {@code model} object is the model configuration. */
    public static final String RUN_CONFIG_FILE = "config.json";
    /** The side of the cubic graph {@link #save} stores (batch 1); other sizes are built from the weights. */
    public static final int SAVED_GRAPH_SIDE = 32;

    private static final String RUN_CONFIG_MODEL_KEY = "model";

    private final String origin;
    private final GvslConfig config;
    private final boolean backboneOnly;
    private final Provenance provenance;
    private final String runConfig;
    private final Map<String, INDArray> weights;

    PretrainedModel(String origin, GvslConfig config, boolean backboneOnly, Provenance provenance, String runConfig,
                    Map<String, INDArray> weights) {
        this.origin = origin;
        this.config = config;
        this.backboneOnly = backboneOnly;
        this.provenance = provenance;
        this.runConfig = runConfig;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Opens a model file, an {@code .npz} state dict or a pre-training run folder.
     *
     * @throws ModelFormatException naming the file and the problem when it is none of these or cannot be used
     * @throws IOException          when it cannot be read
     */
    public static PretrainedModel open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return openRunFolder(path);
        }
        try (ModelArchive archive = ModelArchive.open(path)) {
            if (!archive.isStateDict()) {
                if (archive.layout().isEmpty()) {
                    throw new ModelFormatException(path.toString(), "neither a gvsl model file (no "
                            + ModelFile.MANIFEST + ") nor an .npz state dict (entries that are not .npy arrays: "
                            + archive.nonArrayEntries() + ")");
                }
                return ModelFile.read(archive);   // names a fine-tuned model file as such
            }
        }
        return openStateDict(path, Provenance.now("state dict " + path.toAbsolutePath().normalize(), null, null, null));
    }

    /**
     * Opens an {@code .npz} state dict ({@link #fromStateDict}).
     *
     * @param provenance what to record as the weights' origin
     * @throws ModelFormatException naming the file when it is missing, not a readable {@code .npz} (a model file is
     *                              named as such), or does not fit
     */
    public static PretrainedModel openStateDict(Path npz, Provenance provenance) throws ModelFormatException {
        // ZipFile reads the central directory at the end of the file, so a truncated file is noticed here even when
        // every entry before the cut is complete; the entries are then read as a stream.
        try (ModelArchive archive = ModelArchive.open(npz)) {
            Optional<ModelArchive.Layout> layout = archive.layout();
            if (layout.isPresent()) {
                throw new ModelFormatException(npz.toString(), layout.get().kind() + " (" + layout.get().format()
                        + "), not an .npz state dict: use it with " + layout.get().usedBy());
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(npz.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, INDArray> tensors;
        try {
            tensors = ModelWeights.readNpz(npz);
        } catch (IOException e) {
            throw new ModelFormatException(npz.toString(), "not a readable .npz state dict (" + e.getMessage() + ")",
                    e);
        }
        return fromStateDict(tensors, npz.toString(), provenance);
    }

    /**
     * A model from a state dict ({@link StateDict}): widths and heads read off the shapes, the rest of the
     * configuration {@link GvslConfig}'s defaults.
     *
     * @param origin names the dict in messages
     * @throws ModelFormatException listing what does not fit
     */
    public static PretrainedModel fromStateDict(Map<String, INDArray> tensors, String origin, Provenance provenance)
            throws ModelFormatException {
        StateDict dict = StateDict.of(tensors, origin);
        return new PretrainedModel(origin, dict.config(GvslConfig.builder().build()), dict.backboneOnly(), provenance,
                null, dict.weights());
    }

    private static PretrainedModel openRunFolder(Path dir) throws IOException {
        Path model = dir.resolve(RUN_MODEL_FILE);
        if (Files.isRegularFile(model)) {
            return ModelFile.read(model);   // a fine-tuning run's model.gvsl is named as such
        }
        Path weights = dir.resolve(RUN_WEIGHTS_FILE);
        Path config = dir.resolve(RUN_CONFIG_FILE);
        if (!Files.isRegularFile(weights) || !Files.isRegularFile(config)) {
            throw new ModelFormatException(dir.toString(), "no trained model in this folder: a pre-training run folder"
                    + " holds " + RUN_MODEL_FILE + " (or, from runs before it existed, " + RUN_WEIGHTS_FILE + " and "
                    + RUN_CONFIG_FILE + ") once the run has finished");
        }
        String configText = Files.readString(config, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = ModelJson.mapper().readTree(configText);
        } catch (IOException e) {
            throw new ModelFormatException(config.toString(), "not valid JSON: " + e.getMessage(), e);
        }
        GvslConfig declared = ModelJson.readConfig(tree.get(RUN_CONFIG_MODEL_KEY),
                config + ", key \"" + RUN_CONFIG_MODEL_KEY + "\"");
        StateDict dict = StateDict.of(ModelWeights.readNpz(weights), weights.toString());
        if (!dict.widths().equals(declared.widths()) || dict.variant().orElse(null) != declared.variant()) {
            throw new ModelFormatException(dir.toString(), RUN_CONFIG_FILE + " describes widths " + declared.widths()
                    + ", variant " + declared.variant() + ", but " + RUN_WEIGHTS_FILE + " holds widths "
                    + dict.widths() + ", " + dict.variant().map(v -> "variant " + v).orElse("backbone only"));
        }
        JsonNode steps = tree.path("steps");
        JsonNode data = tree.path("data");
        Provenance provenance = new Provenance("gvsl pretrain (run folder " + dir + ", written before model files)",
                steps.canConvertToInt() ? steps.asInt() : null, declared.seed(),
                data.isTextual() ? "data folder " + data.asText() : "built-in synthetic data", "unknown",
                OffsetDateTime.ofInstant(Files.getLastModifiedTime(weights).toInstant(), ZoneId.systemDefault())
                        .toString());
        return new PretrainedModel(dir.toString(), declared, false, provenance, configText, dict.weights());
    }

    /**
     * The backbone graph for {@code batch} images of {@code size} (any size), with these weights.
     *
     * @throws IllegalArgumentException for a batch below 1
     */
    public BackboneGraph backbone(int batch, SpatialSize size) {
        BackboneGraph graph = GvslGraphFactory.backbone(config.widths(), config.seed(), batch, size);
        ModelWeights.assign(graph.sameDiff(), weights, true);
        return graph;
    }

    /**
     * The registration sub-graph for {@code batch} pairs of {@code size}, with these weights.
     *
     * @throws IllegalStateException    when the model has no registration heads (backbone only, restoration only)
     * @throws IllegalArgumentException for a batch below 1 or a size-1 axis
     */
    public RegistrationGraph registration(int batch, SpatialSize size) {
        if (backboneOnly || !config.variant().registration()) {
            throw new IllegalStateException(origin + " holds " + parts() + ": no registration heads to register with");
        }
        RegistrationGraph graph = GvslGraphFactory.registration(config, batch, size);
        ModelWeights.assign(graph.sameDiff(), weights, true);
        return graph;
    }

    /**
     * The whole pre-training graph (losses, Adam as configured) for {@code batch} and {@code size}, with these
     * weights and a fresh optimiser state.
     *
     * @throws IllegalStateException when the model holds only the backbone
     */
    public GvslGraph whole(int batch, SpatialSize size) {
        if (backboneOnly) {
            throw new IllegalStateException(origin + " holds only the backbone: no heads for the whole GVSL graph");
        }
        GvslGraph graph = GvslGraphFactory.build(config, batch, size);
        ModelWeights.assign(graph.sameDiff(), weights, false);
        return graph;
    }

    /**
     * Writes this model as a model file ({@link ModelFile}), atomically, storing the whole graph (the backbone graph
     * for a backbone-only model) of batch 1 and side {@value #SAVED_GRAPH_SIDE}.
     */
    public void save(Path file) throws IOException {
        SpatialSize size = SpatialSize.cube(SAVED_GRAPH_SIDE);
        SameDiff graph = backboneOnly ? backbone(1, size).sameDiff() : whole(1, size).sameDiff();
        ModelFile.write(file, config, backboneOnly, provenance, runConfig, graph);
    }

    /** Where the model was opened from, for messages. */
    public String origin() {
        return origin;
    }

    /** The model configuration: widths, variant, NCC window, λs, seed, Adam settings. */
    public GvslConfig config() {
        return config;
    }

    /**
     * Whether only the U-Net's weights are present. The configuration's variant then describes no stored head
     * (a backbone-only state dict gets the default variant).
     */
    public boolean backboneOnly() {
        return backboneOnly;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The configuration of the run that wrote the model (JSON text, as that run wrote it), if known. */
    public Optional<String> runConfig() {
        return Optional.ofNullable(runConfig);
    }

    /** Every weight under the reference state-dict names, float32, read-only (do not modify the arrays). */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /** The U-Net's weights ({@code unet.…}), for transfer to a downstream network. */
    public Map<String, INDArray> backboneWeights() {
        Map<String, INDArray> backbone = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            if (name.startsWith(StateDict.BACKBONE_PREFIX + ".")) {
                backbone.put(name, w);
            }
        });
        return Collections.unmodifiableMap(backbone);
    }

    /** The number of weights (scalars). */
    public long parameterCount() {
        return weights.values().stream().mapToLong(INDArray::length).sum();
    }

    /** One line: widths, parts, parameter count and provenance. */
    public String describe() {
        return String.format(Locale.ROOT, "widths %s, %s, %,d parameters; %s", config.widths(), parts(),
                parameterCount(), provenance.describe());
    }

    private String parts() {
        return backboneOnly ? "only the backbone" : "variant " + config.variant().name().toLowerCase(Locale.ROOT);
    }
}
