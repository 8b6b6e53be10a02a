package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StagedMeanTest {

    @Test
    void layoutUsesStagesOfAtMostSixtyFour() {
        assertArrayEquals(new long[] {12}, StagedMean.layout(12));
        assertArrayEquals(new long[] {64, 64, 64}, StagedMean.layout(1 << 18));
        assertArrayEquals(new long[] {2, 63}, StagedMean.layout(126));
        assertArrayEquals(new long[] {67, 2}, StagedMean.layout(134));
        assertArrayEquals(new long[] {1}, StagedMean.layout(1));
    }

    @Test
    void float32MeanOfHalfAMillionValuesIsAccurate() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 64, 64, 64).muli(3).addi(5);
        double exact = x.meanNumber().doubleValue();
        SameDiff sd = GradientCheck.graph();
        double staged = Graphs.eval(StagedMean.all(sd.constant(x.castTo(DataType.FLOAT)), x.length())).getDouble(0);
        assertEquals(exact, staged, 2e-7 * exact);
    }

    @Test
    void vectorShapedTensorsWithUnitAxesAreReduced() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.createFromArray(1.0, 2, 3, 4, 5, 6, 7, 8).reshape(1, 1, 8, 1, 1);
        assertEquals(4.5, Graphs.eval(StagedMean.all(sd.constant(x), 8)).getDouble(0), 0.0);
    }

    @Test
    void trailingMeanKeepsDimensionsForBroadcasting() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.createFromArray(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
        INDArray m = Graphs.eval(StagedMean.trailing(sd.constant(x), 1, 3));
        assertArrayEquals(new long[] {2, 1, 1}, m.shape());
        assertArrayEquals(new double[] {2.5, 6.5}, m.data().asDouble(), 0.0);
    }
}
