package org.gvsl.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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
 * <p><b>Reading is strict</b>, as {@link ModelFile}'s: not a zip, a corrupt entry (CRC), a missing manifest or
 * weights, another {@code format} or {@code formatVersion}, an invalid configuration, or weights that do not fit it
 * give a {@link ModelFormatException} naming the file and the problem. A pre-trained model file given where a
 * transfer model is expected is named as such.
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
        byte[] manifestBytes = ModelJson.mapper().writeValueAsBytes(manifest);
        ByteArrayOutputStream npz = new ByteArrayOutputStream();
        ModelWeights.writeNpz(weights, npz);
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, MANIFEST, manifestBytes);
                if (runConfig != null) {
                    put(zip, ModelFile.RUN_CONFIG, runConfig.getBytes(StandardCharsets.UTF_8));
                }
                put(zip, WEIGHTS, npz.toByteArray());
            }
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Whether {@code path} is a readable zip holding a transfer model's manifest (no exception for other files). */
    public static boolean isTransferModel(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry(MANIFEST) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a transfer model file, or the {@code model.gvsl} of a transfer run folder.
     *
     * @throws ModelFormatException naming the file and what is wrong with it
     * @throws IOException          when the file cannot be read at all
     */
    public static TransferModel read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(PretrainedModel.RUN_MODEL_FILE) : path;
        String origin = file.toString();
        try (ZipFile zip = ModelFile.openZip(file)) {
            if (zip.getEntry(MANIFEST) == null) {
                throw new ModelFormatException(origin, ModelFile.isModelFile(zip)
                        ? "a pre-trained model, not a fine-tuned one: it has no segmentation or classification head"
                        + " (fine-tune it first with gvsl finetune --init " + path + ")"
                        : "not a gvsl transfer model file: a zip archive without " + MANIFEST + " (entries "
                        + ModelFile.entryNames(zip) + ")");
            }
            Manifest manifest = manifest(ModelFile.entry(zip, MANIFEST, origin), origin);
            if (zip.getEntry(WEIGHTS) == null) {
                throw new ModelFormatException(origin, "no entry " + WEIGHTS + " (a transfer model file holds "
                        + MANIFEST + ", " + WEIGHTS + " and optionally " + ModelFile.RUN_CONFIG + ")");
            }
            Map<String, INDArray> weights = ModelWeights.readNpz(
                    new ByteArrayInputStream(ModelFile.entry(zip, WEIGHTS, origin)), origin + "!" + WEIGHTS);
            String runConfig = zip.getEntry(ModelFile.RUN_CONFIG) == null ? null
                    : new String(ModelFile.entry(zip, ModelFile.RUN_CONFIG, origin), StandardCharsets.UTF_8);
            List<Integer> w = manifest.window();
            if (w == null || w.size() != 3 || w.stream().anyMatch(s -> s == null || s < 1)) {
                throw new ModelFormatException(origin, MANIFEST + ": \"window\" must be three positive sizes, got " + w);
            }
            TransferModel model = new TransferModel(origin, manifest.transfer(), new SpatialSize(w.get(0), w.get(1),
                    w.get(2)), manifest.provenance(), runConfig, weights);
            model.requireWeightsFit();
            return model;
        }
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
            throw new ModelFormatException(origin, "not a gvsl transfer model file: " + MANIFEST
                    + " does not say \"format\": \"" + FORMAT + "\"");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral()) {
            throw new ModelFormatException(origin, MANIFEST + " has no integer \"formatVersion\"");
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new ModelFormatException(origin, "transfer model file format version " + version.asText()
                    + "; this gvsl (" + Provenance.writerVersion() + ") reads version " + FORMAT_VERSION
                    + (version.asInt() > FORMAT_VERSION ? " (written by a newer gvsl: upgrade to read it)" : ""));
        }
        return ModelJson.read(tree, Manifest.class, origin, MANIFEST);
    }
}
