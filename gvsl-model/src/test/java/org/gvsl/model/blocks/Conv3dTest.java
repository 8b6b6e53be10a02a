package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Conv3dTest {

    @Test
    void weightsAreInPyTorchLayoutOutInKernel() {
        SameDiff sd = GradientCheck.graph();
        Conv3d conv = new Conv3d(new ParameterFactory(sd, DataType.DOUBLE, 0), "c", 2, 1, 1,
                ParameterFactory.Init.UNIFORM_FAN_IN);
        sd.getVariable("c.weight").setArray(Nd4j.createFromArray(1.0, 2.0).reshape(1, 2, 1, 1, 1));
        sd.getVariable("c.bias").setArray(Nd4j.createFromArray(0.5));
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 10, 20}).reshape(1, 2, 1, 1, 2);
        // y = 1·x0 + 2·x1 + 0.5
        assertArrayEquals(new double[] {21.5, 42.5}, Graphs.eval(conv.forward(sd.constant(x))).data().asDouble(), 1e-12);
    }

    @Test
    void kernelThreeIsCentredWithZeroPadding() {
        SameDiff sd = GradientCheck.graph();
        Conv3d conv = new Conv3d(new ParameterFactory(sd, DataType.DOUBLE, 0), "c", 1, 1, 3,
                ParameterFactory.Init.UNIFORM_FAN_IN);
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 1, 1, 3, 3, 3);
        w.putScalar(new long[] {0, 0, 1, 1, 2}, 1.0); // reads the right-hand neighbour along W
        sd.getVariable("c.weight").setArray(w);
        sd.getVariable("c.bias").setArray(Nd4j.zeros(DataType.DOUBLE, 1));
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3}).reshape(1, 1, 1, 1, 3);
        assertArrayEquals(new double[] {2, 3, 0}, Graphs.eval(conv.forward(sd.constant(x))).data().asDouble(), 1e-12);
    }

    @Test
    void rejectsAnEvenKernel() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv3d(
                new ParameterFactory(sd, DataType.FLOAT, 0), "c", 1, 1, 2, ParameterFactory.Init.KAIMING_NORMAL));
        assertTrue(e.getMessage().contains("got 2"), e.getMessage());
    }
}
