package org.gvsl.model.ops;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SlicingConcatTest {

    /** x [2, 3] and y [2, 1] side by side along axis 1, times the weights: ∂L/∂x and ∂L/∂y are their parts. */
    @Test
    void eachInputGetsItsPartOfTheOutputGradient() {
        SameDiff sd = GradientCheck.graph();
        SDVariable x = sd.var("x", Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        SDVariable y = sd.var("y", Nd4j.createFromArray(new double[][] {{7}, {8}}));
        SDVariable weights = sd.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}));
        SDVariable loss = sd.concat(1, x, y).mul(weights).sum();
        sd.setLossVariables(loss.name());
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x", "y");
        assertArrayEquals(new double[] {1, 2, 3, 5, 6, 7}, grads.get("x").data().asDouble(), 0.0);
        assertArrayEquals(new double[] {4, 8}, grads.get("y").data().asDouble(), 0.0);
    }

    @Test
    void theGradientFunctionReadsTheInputsOnlyForTheirSizes() {
        SameDiff sd = GradientCheck.graph();
        SDVariable a = sd.var("a", Nd4j.rand(DataType.DOUBLE, 2, 3, 4));
        SDVariable b = sd.var("b", Nd4j.rand(DataType.DOUBLE, 2, 5, 4));
        SDVariable loss = sd.concat(1, a.mul(2.0), b.mul(3.0)).mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 8, 4)))
                .sum();
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        SameDiff grad = sd.getFunction("grad");
        List<String> readers = readersOfConcatInputs(grad);
        assertEquals(List.of("concat", "concat", "size_at", "size_at"), readers);
        assertEquals(0, grad.getOps().values().stream().filter(op -> op.getOp().opName().equals("concat_bp")).count());
    }

    /** The op types that read an input of a concat, sorted. */
    private static List<String> readersOfConcatInputs(SameDiff grad) {
        return grad.getOps().values().stream().filter(op -> op.getOp().opName().equals("concat"))
                .flatMap(op -> op.getInputsToOp().stream())
                .flatMap(input -> grad.getVariables().get(input).getInputsForOp().stream())
                .map(op -> grad.getOps().get(op).getOp().opName()).sorted().toList();
    }

    @Test
    void gradientMatchesFiniteDifferencesAlongEachAxis() {
        for (int axis : new int[] {0, 2, -1}) {
            SameDiff sd = GradientCheck.graph();
            SDVariable a = sd.var("a", Nd4j.rand(DataType.DOUBLE, 2, 3, 4));
            SDVariable b = sd.var("b", Nd4j.rand(DataType.DOUBLE, 2, 3, 4));
            SDVariable c = sd.var("c", Nd4j.rand(DataType.DOUBLE, 2, 3, 4));
            SDVariable joined = sd.concat(axis, a, b.mul(b), c);
            long[] shape = {2, 3, 4};
            shape[axis < 0 ? 2 : axis] *= 3;
            GradientCheck.assertGradientsMatch(joined.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, shape))).sum());
        }
    }
}
