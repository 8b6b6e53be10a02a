package org.gvsl.model.file;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned file of a downstream (fine-tuned or linearly evaluated) model, {@code model.gvsl} in a transfer run
 * folder: one zip archive with the same rules as the pre-trained {@link ModelFile}, and its own format name so that
 * neither is mistaken for the other.
 *
 * <pre>
 *   gvsl-transfer-model.json  {"format": "gvsl-transfer-model", "formatVersion": 1,
 *                              "transfer": {the {@link TransferConfig}: task, widths, classes, mode, λ_ce, seed, Adam},
 *                              "window": [D, H, W]   (the training crop: the window of sliding-window inference),
 *                              "provenance": {source, steps, seed, data, projectVersion, created}}
 *   config.json               the configuration of the run that wrote the file (optional; e.g. its intensity)
 *   weights.npz               every tensor of the model under its reference name: unet.* (trained or frozen) and
 *                             the head (out_conv.* or fc_cls.*)
 * </pre>
 * The weights are an {@code .npz} rather than a SameDiff graph because a linear run's backbone is a graph constant,
 * not a variable: by name, both kinds are the same tensors. {@link TransferModel#graph} builds the graph for any
 * window size from them.
 *
 * <p><b>Reading is strict</b>, by the same code as {@link ModelFile}'s ({@link ModelArchive}: the zip, CRC, manifest,
 * format and version checks are written once): not a zip, a truncated or corrupt entry (CRC), a missing manifest or
 * weights, another {@code format} or {@code formatVersion}, an invalid configuration, or weights that do not fit it
 * give a {@link ModelFormatException} naming the file and the problem. A pre-trained model file (or run folder) or
 * an {@code .npz} state dict given where a fine-tuned model is expected is named as such, and
 * {@link PretrainedModel#open} names a fine-tuned model given where a pre-trained one is expected.
 *
 * <p><b>Why a format of its own</b> rather than {@code gvsl-model} with a head: a fine-tuned model is used by other
 * commands ({@code gvsl predict}) than a pre-trained one ({@code --init}, {@code features}, {@code register}), and
 * its manifest describes another configuration ({@link TransferConfig}: task, classes, window); a distinct
 * {@code format} makes every command that takes a model refuse the other kind in one line instead of failing on
 * missing tensors.
 */
public final class TransferModelFile {

    /** The {@code format} of the manifest. */
    public static final String FORMAT = "gvsl-transfer-model";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest entry. */
    public static final String MANIFEST = "gvsl-transfer-model.json";
    /** The weights entry. */
    public static final String WEIGHTS = "weights.npz";

    private TransferModelFile() {
    }

    /**
     * The manifest.
     *
     * @param format        {@link #FORMAT}
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param transfer      the model configuration
     * @param window        the sliding-window size {@code [D, H, W]}
     * @param provenance    where the model comes from
     */
    record Manifest(String format, int formatVersion, TransferConfig transfer, List<Integer> window,
                    Provenance provenance) {
    }

    /** The layout of this kind of file, for the reading rules all model files share ({@link ModelArchive}). */
    static final ModelArchive.Layout LAYOUT = new ModelArchive.Layout(MANIFEST, FORMAT, FORMAT_VERSION, WEIGHTS,
            "transfer model file", "a fine-tuned model", "gvsl predict (or as the result of gvsl finetune/linear)");

    /**
     * Writes a transfer model file atomically ({@link AtomicFile}).
     *
     * @param weights   every tensor of the model by reference name ({@code TransferGraph.weights()})
     * @param runConfig the writer's run configuration (JSON text, stored as is), or null
     */
    public static void write(Path file, TransferConfig config, SpatialSize window, Provenance provenance,
                             String runConfig, Map<String, INDArray> weights) throws IOException {
        Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, config, List.of(window.d(), window.h(), window.w()),
                provenance);
        ByteArrayOutputStream npz = new ByteArrayOutputStream();
        ModelWeights.writeNpz(weights, npz);
        Map<String, ByteBuffer> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, ByteBuffer.wrap(ModelJson.mapper().writeValueAsBytes(manifest)));
        if (runConfig != null) {
            entries.put(ModelFile.RUN_CONFIG, ByteBuffer.wrap(runConfig.getBytes(StandardCharsets.UTF_8)));
        }
        entries.put(WEIGHTS, ByteBuffer.wrap(npz.toByteArray()));
        ModelArchive.write(file, entries);
    }

    /**
     * Reads a transfer model file, or the {@code model.gvsl} of a transfer run folder.
     *
     * @throws ModelFormatException naming the file and what is wrong with it (a pre-trained model file, a
     *                              pre-training run folder or an {@code .npz} is named as such)
     * @throws IOException          when the file cannot be read at all
     */
    public static TransferModel read(Path path) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(PretrainedModel.RUN_MODEL_FILE);
            if (!Files.exists(file)) {
                throw new ModelFormatException(path.toString(), "no " + PretrainedModel.RUN_MODEL_FILE + " in this"
                        + " folder: a gvsl finetune or gvsl linear run folder holds one once the run has finished");
            }
        }
        try (ModelArchive archive = ModelArchive.open(file)) {
            String origin = archive.origin();
            Manifest manifest = ModelJson.read(archive.manifest(LAYOUT), Manifest.class, origin, MANIFEST);
            Map<String, INDArray> weights;
            try {
                weights = ModelWeights.readNpz(new ByteArrayInputStream(archive.entry(WEIGHTS, LAYOUT)), WEIGHTS);
            } catch (ModelFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new ModelFormatException(origin, e.getMessage(), e);   // "weights.npz: what is wrong"
            }
            List<Integer> w = manifest.window();
            if (w == null || w.size() != 3 || w.stream().anyMatch(s -> s == null || s < 1)) {
                throw new ModelFormatException(origin, MANIFEST + ": \"window\" must be three positive sizes, got " + w);
            }
            TransferModel model = new TransferModel(origin, manifest.transfer(), new SpatialSize(w.get(0), w.get(1),
                    w.get(2)), manifest.provenance(), archive.runConfig(LAYOUT).orElse(null), weights);
            model.requireWeightsFit();
            return model;
        }
    }
}
