package org.gvsl.benchmarks;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.GraphScope;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpTraceTest {

    /** loss = Σ (x·w)², x a [250] float32 input (1000 bytes), w a trainable [250]. */
    static SameDiff graph() {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 250);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 250));
        SDVariable product = GraphScope.in(sd, "scale", () -> x.mul(w));
        SDVariable loss = GraphScope.in(sd, "loss", () -> product.mul(product).sum());
        sd.setLossVariables(loss.name());
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Sgd(0.1)).dataSetFeatureMapping("x")
                .markLabelsUnused().build());
        GraphRuntime.createGradientFunction(sd);
        return sd;
    }

    static OpTrace fitOnce(SameDiff sd) {
        OpTrace trace = new OpTrace();
        sd.addListeners(trace);
        trace.start();
        sd.fit(new MultiDataSet(new INDArray[] {Nd4j.rand(DataType.FLOAT, 250)}, null));
        return trace;
    }

    @Test
    void recordsEveryOpOfTheStepWithItsOutputs() {
        SameDiff sd = graph();
        OpTrace trace = fitOnce(sd);
        List<OpTrace.TracedOp> ops = trace.ops();
        // forward: multiply, multiply, sum; backward: sum's, the square's and the product's backward ops
        assertTrue(ops.size() >= 6, ops.toString());
        assertEquals(2, ops.stream().filter(op -> op.type().equals("multiply")).count(), ops.toString());
        // every [250] float32 output is 1000 bytes; the loss is one float
        assertTrue(trace.writtenBytes() >= 5 * 1000, "written " + trace.writtenBytes());
        OpTrace.TracedOp peak = ops.get(trace.peakOp());
        assertTrue(peak.heldBytes() >= 2 * 1000, peak.toString());
        assertEquals(peak.heldBytes(), trace.heldAtPeak().stream().mapToLong(OpTrace.TracedArray::bytes).sum());
        assertEquals(ops.size(), new HashSet<>(ops.stream().map(OpTrace.TracedOp::name).toList()).size(),
                "each op once");
        trace.stop();
        assertFalse(trace.isActive(Operation.TRAINING));
    }
}
