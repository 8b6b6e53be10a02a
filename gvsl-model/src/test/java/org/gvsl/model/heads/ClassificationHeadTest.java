package org.gvsl.model.heads;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.losses.BinaryCrossEntropy;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationHeadTest {

    @Test
    void poolsEachChannelThenAppliesTheLinearLayerAndTheSigmoid() {
        SameDiff sd = GradientCheck.graph();
        ClassificationHead head = new ClassificationHead(new ParameterFactory(sd, DataType.DOUBLE, 1), 2, 1);
        sd.getArrForVarName("fc_cls.weight").assign(Nd4j.createFromArray(new double[][] {{0.5, -1.0}}));
        sd.getArrForVarName("fc_cls.bias").assign(0.25);
        // channel 0: values 0..7 (mean 3.5); channel 1: all 2
        INDArray g = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 2, 2);
        g.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).assign(Nd4j.linspace(0, 7, 8, DataType.DOUBLE)
                .reshape(2, 2, 2));
        g.get(NDArrayIndex.point(0), NDArrayIndex.point(1)).assign(2);
        SDVariable logits = head.logits(sd.constant(g), SpatialSize.cube(2));
        double z = 0.5 * 3.5 - 1.0 * 2 + 0.25;
        assertEquals(z, Graphs.eval(logits).getDouble(0, 0), 1e-15);
        assertEquals(1 / (1 + Math.exp(-z)), Graphs.eval(ClassificationHead.probabilities(logits)).getDouble(0, 0),
                1e-15);
    }

    @Test
    void aOneVoxelBottleneckIsAlreadyPooledAndTheParametersAreNamedFcCls() {
        SameDiff sd = GradientCheck.graph();
        ClassificationHead head = new ClassificationHead(new ParameterFactory(sd, DataType.DOUBLE, 1), 4, 3);
        assertArrayEquals(new long[] {3, 4}, sd.getArrForVarName("fc_cls.weight").shape());
        assertArrayEquals(new long[] {3}, sd.getArrForVarName("fc_cls.bias").shape());
        INDArray z = Graphs.eval(head.logits(sd.constant(Nd4j.rand(DataType.DOUBLE, 5, 4, 1, 1, 1)),
                SpatialSize.cube(1)));
        assertArrayEquals(new long[] {5, 3}, z.shape());
    }

    @Test
    void gradientOfHeadAndLossMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        ClassificationHead head = new ClassificationHead(new ParameterFactory(sd, DataType.DOUBLE, 4), 3, 2);
        SDVariable g = sd.var("global", Nd4j.randn(DataType.DOUBLE, 2, 3, 2, 1, 2));
        SDVariable y = sd.constant(Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}}));
        GradientCheck.assertGradientsMatch(BinaryCrossEntropy.loss(head.logits(g, new SpatialSize(2, 1, 2)), y, 2),
                "classification head + binary cross-entropy");
    }

    @Test
    void noOutputsIsRejected() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassificationHead(new ParameterFactory(sd, DataType.FLOAT, 0), 8, 0));
        assertTrue(e.getMessage().contains("at least 1 output") && e.getMessage().contains("got 0"), e.getMessage());
    }
}
