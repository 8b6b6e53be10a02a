package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GvslGraphTest {

    private static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);

    private static GvslGraph graph() {
        return GvslGraphFactory.build(GvslConfig.builder().optWidths(TINY).build(), 1, SpatialSize.cube(8));
    }

    private static Map<String, INDArray> inputs(GvslGraph g) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8);
        return g.inputs(x, Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8), x);
    }

    @Test
    void onePassGivesSameDiffsOutputsAndGradients() {
        GvslGraph g = graph();
        Map<String, INDArray> in = inputs(g);
        GvslGraph.Pass pass = g.outputsAndGradients(in, GvslGraph.WARPED, GvslGraph.LOSS_TOTAL);
        OutAndGrad expected = graph().sameDiff().calculateGradientsAndOutputs(in,
                List.of(GvslGraph.WARPED, GvslGraph.LOSS_TOTAL), g.parameterNames());
        assertEquals(expected.getOutputs().keySet(), pass.outputs().keySet());
        expected.getOutputs().forEach((name, value) -> assertEquals(value, pass.outputs().get(name), name));
        assertEquals(g.parameterNames(), List.copyOf(pass.gradients().keySet()));
        expected.getGradients().forEach((name, value) -> assertEquals(value, pass.gradients().get(name), name));
        assertEquals(pass.gradients(), g.gradients(in));
    }

    @Test
    void thePassFreesItsIntermediatesAndLeavesTrainingFreeingThemToo() {
        GvslGraph g = graph();
        Map<String, INDArray> in = inputs(g);
        List<INDArray> written = new ArrayList<>();
        BaseListener recorder = new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return true;
            }

            @Override
            public void opExecution(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch,
                                    SameDiffOp op, OpContext context, INDArray[] outputs) {
                written.addAll(List.of(outputs));
            }
        };
        g.sameDiff().getFunction("grad").addListeners(recorder); // an output pass of the gradient function
        g.sameDiff().addListeners(recorder);                     // training runs the graph's listeners
        g.outputsAndGradients(in);
        long closed = written.stream().filter(INDArray::wasClosed).count();
        assertTrue(closed > written.size() / 2, closed + " of " + written.size() + " arrays freed by the pass");
        written.clear();
        g.fit(in);
        closed = written.stream().filter(INDArray::wasClosed).count();
        assertTrue(closed > written.size() / 2, closed + " of " + written.size() + " arrays freed by the step");
    }
}
