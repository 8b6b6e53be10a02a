package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakyReluTest {

    @Test
    void scalesNegativeInputsInBothPrecisions() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            SameDiff sd = GradientCheck.graph();
            var y = LeakyRelu.apply(sd.constant(Nd4j.createFromArray(-1.0, 2.0, -0.5).castTo(type)), 0.2);
            assertArrayEquals(new double[] {-0.2, 2.0, -0.1}, Graphs.eval(y).toDoubleVector(), 1e-7);
        }
    }

    @Test
    void float64GradientIsExactlyTheSlope() {
        SameDiff sd = GradientCheck.graph();
        var x = sd.var("x", Nd4j.createFromArray(-1.0, 3.0, -0.25));
        var loss = LeakyRelu.apply(x, 0.2).sum();
        sd.setLossVariables(loss.name());
        double[] grad = sd.calculateGradients(Map.of(), "x").get("x").toDoubleVector();
        assertArrayEquals(new double[] {0.2, 1.0, 0.2}, grad, 0.0);
    }

    @Test
    void rejectsASlopeOutsideZeroOne() {
        SameDiff sd = GradientCheck.graph();
        String e = assertThrows(IllegalArgumentException.class, () -> LeakyRelu.apply(sd.constant(Nd4j.zeros(2)), 1.5))
                .getMessage();
        assertTrue(e.contains("LeakyReLU slope must lie in (0, 1), got 1.5"), e);
    }
}
