package org.gvsl.train.registration;

import org.gvsl.data.loader.PairBatch;
import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The placeholders of a GVSL graph from a batch of pairs: {@link GvslGraph#FIXED} ← {@code x_A^t},
 * {@link GvslGraph#MOVING} ← {@code x_B}, {@link GvslGraph#TARGET} ← {@code x_A}, for the inputs the graph's
 * variant has (the restoration-only variant has no moving image).
 */
public final class GraphInputs {

    private GraphInputs() {
    }

    /**
     * The placeholder map of {@code batch}, in the order of {@link GvslGraph#inputNames()}.
     *
     * @throws IllegalArgumentException when the batch's shape is not the graph's ({@link GvslGraph#inputs})
     */
    public static Map<String, INDArray> of(GvslGraph graph, PairBatch batch) {
        INDArray[] arrays = graph.inputNames().stream().map(name -> switch (name) {
            case GvslGraph.FIXED -> batch.fixed();
            case GvslGraph.MOVING -> batch.moving();
            case GvslGraph.TARGET -> batch.target();
            default -> throw new IllegalStateException("unknown graph input " + name);
        }).toArray(INDArray[]::new);
        return graph.inputs(arrays);
    }
}
