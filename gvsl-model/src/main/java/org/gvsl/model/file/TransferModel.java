package org.gvsl.model.file;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferGraphFactory;
import org.gvsl.model.transfer.TransferMode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A downstream model read from a {@link TransferModelFile}: its configuration, its sliding-window size, where it
 * comes from, and its weights, from which {@link #graph} builds a graph for prediction.
 *
 * @param origin     the file, for messages
 * @param config     the model configuration (task, widths, classes, mode it was trained in, …)
 * @param window     the training crop, the window size of sliding-window inference
 * @param provenance where the model comes from
 * @param runConfig  the training run's configuration (JSON text), or null
 * @param weights    every tensor by reference name ({@code unet.*} and the head)
 */
public record TransferModel(String origin, TransferConfig config, SpatialSize window, Provenance provenance,
                            String runConfig, Map<String, INDArray> weights) {

    public TransferModel {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** The training run's configuration, if the file holds it. */
    public Optional<String> runConfigText() {
        return Optional.ofNullable(runConfig);
    }

    /**
     * A float32 graph of these weights for images of {@code size} (any batch): every tensor a variable (the mode is
     * irrelevant to prediction).
     */
    public TransferGraph graph(SpatialSize size) {
        TransferConfig all = config.toBuilder().optMode(TransferMode.FINE_TUNE).build();
        TransferGraph graph = TransferGraphFactory.build(all, size);
        ModelWeights.assign(graph.sameDiff(), weights, false);
        return graph;
    }

    /** Checks that the weights are exactly this configuration's model, by building it on a tiny size. */
    void requireWeightsFit() throws ModelFormatException {
        try {
            graph(SpatialSize.cube(16));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(origin, "the weights do not fit the model the manifest describes ("
                    + config.task() + ", widths " + config.widths() + ", " + config.classes() + " classes): "
                    + e.getMessage(), e);
        }
    }

    /** One line: task, classes, widths, mode and provenance. */
    public String describe() {
        return String.format("%s, %d classes, widths %s, trained by %s; window %s; %s",
                config.task().name().toLowerCase(java.util.Locale.ROOT), config.classes(), config.widths(),
                config.mode() == TransferMode.LINEAR ? "linear evaluation" : "fine-tuning", window,
                provenance.describe());
    }
}
