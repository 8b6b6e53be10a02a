package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueOnlyTest {

    @Test
    void keepsTheValueBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            SameDiff sd = GradientCheck.graph();
            INDArray x = Nd4j.createFromArray(1.0, -0.1, 1e-30, 3.5e20).castTo(type).reshape(2, 2);
            assertEquals(x, Graphs.eval(ValueOnly.of(sd.constant(x))), type.toString());
        }
    }

    @Test
    void passesNoGradientAndLeavesItsBranchOutOfTheBackwardPass() {
        SameDiff sd = GradientCheck.graph();
        SDVariable w = sd.var("w", Nd4j.createFromArray(2.0, 3.0));
        // loss = Σ w² + Σ of(w³): the second term counts in the value but not in the gradient.
        SDVariable loss = w.mul(w).sum().add(ValueOnly.of(w.mul(w).mul(w)).sum());
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        assertEquals(4.0 + 9.0 + 8.0 + 27.0, Graphs.eval(loss).getDouble(0), 0.0);
        INDArray grad = sd.calculateGradients(Map.of(), "w").get("w");
        assertEquals(Nd4j.createFromArray(4.0, 6.0), grad);
        // Σ w² has one multiply and so one multiply_bp; the cube's two multiplies have none (stop_gradient would
        // keep them, back-propagating zeros).
        long multiplyBackward = sd.getFunction("grad").getOps().values().stream()
                .filter(op -> op.getOp().opName().equals("multiply_bp")).count();
        assertEquals(1, multiplyBackward);
    }

    @Test
    void refusesIntegerTensors() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueOnly.of(sd.constant(Nd4j.createFromArray(1, 2))));
        assertTrue(e.getMessage().contains("INT"), e.getMessage());
    }
}
