package org.gvsl.benchmarks;

import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The unit the kernel benchmarks time: a small graph with a scalar loss, run forward only ({@link #forward()}) or
 * forward and backward ({@link #forwardBackward()}: the gradients of the loss with respect to the given variables).
 * Both read one value back to the host, so on CUDA the asynchronous kernels are inside the timed region.
 */
final class GradientRun {

    private final SameDiff sd;
    private final String loss;
    private final List<String> wrt;

    /** Starts a graph with the backend and the differentiable gather ready. */
    static SameDiff newGraph() {
        return GraphRuntime.newGraph();
    }

    /**
     * @param loss the scalar whose forward pass and gradients are timed
     * @param wrt  the variables to differentiate with respect to
     */
    GradientRun(SDVariable loss, SDVariable... wrt) {
        this.sd = loss.getSameDiff();
        this.loss = loss.name();
        this.wrt = Arrays.stream(wrt).map(SDVariable::name).toList();
        sd.setLossVariables(this.loss);
        GraphRuntime.createGradientFunction(sd);
    }

    /** The forward pass; returns the loss (a value the caller consumes). */
    double forward() {
        return sd.output(Map.of(), loss).get(loss).getDouble(0);
    }

    /** Forward + backward; returns the first element of the first gradient (a value the caller consumes). */
    double forwardBackward() {
        Map<String, INDArray> gradients = sd.calculateGradients(Map.of(), wrt);
        return gradients.get(wrt.get(0)).getDouble(0);
    }
}
