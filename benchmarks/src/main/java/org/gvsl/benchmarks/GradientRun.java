package org.gvsl.benchmarks;

import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * One forward and backward pass of a small graph, the unit the kernel benchmarks time: the gradients of a scalar
 * loss with respect to the given variables. {@link #run()} reads one gradient element back, so on CUDA the
 * asynchronous kernels are inside the timed region.
 */
final class GradientRun {

    private final SameDiff sd;
    private final List<String> wrt;

    /** Starts a graph with the backend and the differentiable gather ready. */
    static SameDiff newGraph() {
        return GraphRuntime.newGraph();
    }

    /**
     * @param loss the scalar whose gradients are timed
     * @param wrt  the variables to differentiate with respect to
     */
    GradientRun(SDVariable loss, SDVariable... wrt) {
        this.sd = loss.getSameDiff();
        this.wrt = java.util.Arrays.stream(wrt).map(SDVariable::name).toList();
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
    }

    /** Forward + backward; returns the first element of the first gradient (a value the caller consumes). */
    double run() {
        Map<String, INDArray> gradients = sd.calculateGradients(Map.of(), wrt);
        return gradients.get(wrt.get(0)).getDouble(0);
    }
}
