package org.gvsl.train.registration;

import org.gvsl.data.augment.DisplacementField;
import org.gvsl.data.augment.SpatialDraw;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers pairs with a GVSL graph in its current state and measures each ({@link RegistrationQuality}).
 *
 * <p>The pairs go through the graph's forward pass (no training) in batches of the graph's static batch size, the
 * last batch filled up by repeating its last pair; the graph's warped image ({@link GvslGraph#WARPED}) is the
 * warped image, and its fused field Φ ({@link GvslGraph#DVF}, or {@link GvslGraph#FLOW} in the variant without the
 * affine head, where Φ = u; voxels, channels D, H, W, a backward map) warps the
 * moving labels by nearest-neighbour sampling: {@code out(p) = labels(rint(p + Φ(p)))}, background outside the
 * volume (gvsl-data's {@link SpatialDraw} with {@link Interpolation#NEAREST}), the sampling rule of
 * {@link org.gvsl.data.volume.VoxelSampler}. The local NCC uses the graph's own window.
 */
public final class PairRegistration {

    private PairRegistration() {
    }

    /**
     * Registers and measures the pairs.
     *
     * @param graph   a graph with a warp (not the restoration-only variant), built for the pairs' grid
     * @param pairs   the pairs, all on the graph's grid
     * @param classes K of the label maps (labels 0..K); ignored for pairs without labels
     * @return one measurement per pair, in order
     * @throws IllegalArgumentException when the graph has no warp, or a pair's grid is not the graph's
     */
    public static List<RegistrationQuality> measure(GvslGraph graph, List<RegistrationPair> pairs, int classes) {
        String field = fieldOutput(graph);
        if (!graph.has(GvslGraph.WARPED) || !graph.has(field)) {
            throw new IllegalArgumentException("the " + graph.config().variant() + " graph does not register: it has no"
                    + " warped image");
        }
        int n = graph.batch();
        List<RegistrationQuality> qualities = new ArrayList<>(pairs.size());
        for (int first = 0; first < pairs.size(); first += n) {
            List<RegistrationPair> chunk = pairs.subList(first, Math.min(pairs.size(), first + n));
            List<TrainingPair> images = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                images.add(chunk.get(Math.min(i, chunk.size() - 1)).images());
            }
            Map<String, INDArray> out;
            try (PairBatch batch = PairBatch.of(0, images)) {
                out = graph.output(GraphInputs.of(graph, batch), GvslGraph.WARPED, field);
            }
            for (int i = 0; i < chunk.size(); i++) {
                qualities.add(measure(chunk.get(i), out.get(GvslGraph.WARPED), out.get(field), i,
                        graph.config().nccWindow(), classes));
            }
        }
        return qualities;
    }

    private static RegistrationQuality measure(RegistrationPair pair, INDArray warped, INDArray dvf, int element,
                                               int nccWindow, int classes) {
        TrainingPair images = pair.images();
        VolumeShape shape = images.target().shape();
        Volume warpedImage = images.target().withVoxels(warped.slice(element).castTo(DataType.FLOAT).dup('c')
                .data().asFloat());
        RegistrationQuality.Labels labels = null;
        if (pair.hasLabels()) {
            Volume warpedLabels = new SpatialDraw(shape, null, field(dvf, element, shape)).apply(pair.movingLabels(),
                    Interpolation.NEAREST);
            labels = new RegistrationQuality.Labels(pair.fixedLabels(), pair.movingLabels(), warpedLabels, classes);
        }
        return RegistrationQuality.measure(images.target(), images.moving(), warpedImage, labels, nccWindow);
    }

    /** The graph's output that holds Φ: the fused field, or the flow in the variant without the affine head. */
    static String fieldOutput(GvslGraph graph) {
        return graph.has(GvslGraph.DVF) ? GvslGraph.DVF : GvslGraph.FLOW;
    }

    /**
     * Φ of one batch element of the graph's field ({@code [N, 3, D, H, W]}, channels D, H, W, voxels) as the labels'
     * displacement field.
     */
    static DisplacementField field(INDArray dvf, int element, VolumeShape shape) {
        INDArray phi = dvf.slice(element).castTo(DataType.FLOAT).dup('c');
        return new DisplacementField(shape, channel(phi, 0), channel(phi, 1), channel(phi, 2));
    }

    private static float[] channel(INDArray field, int axis) {
        return field.slice(axis).dup('c').data().asFloat();
    }
}
