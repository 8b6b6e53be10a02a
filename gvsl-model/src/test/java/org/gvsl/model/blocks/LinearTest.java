package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LinearTest {

    @Test
    void computesXTimesWeightTransposedPlusBias() {
        SameDiff sd = GradientCheck.graph();
        Linear linear = new Linear(new ParameterFactory(sd, DataType.DOUBLE, 0), "fc", 2, 3);
        sd.getVariable("fc.weight").setArray(Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        sd.getVariable("fc.bias").setArray(Nd4j.createFromArray(0.0, 0.0, 10.0));
        var y = linear.forward(sd.constant(Nd4j.createFromArray(new double[][] {{2, 3}})));
        assertArrayEquals(new double[] {2, 3, 15}, Graphs.eval(y).data().asDouble(), 0.0);
    }
}
