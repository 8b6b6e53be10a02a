package org.gvsl.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** Small helpers for evaluating test graphs. */
public final class Graphs {

    private Graphs() {
    }

    /** The value of a variable of a graph without placeholders. */
    public static INDArray eval(SDVariable v) {
        return v.getSameDiff().output(Map.of(), v.name()).get(v.name());
    }
}
