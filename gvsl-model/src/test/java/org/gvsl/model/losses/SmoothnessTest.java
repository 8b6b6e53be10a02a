package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoothnessTest {

    private static final SpatialSize SIZE = new SpatialSize(3, 4, 5);

    private static double loss(INDArray u) {
        SameDiff sd = GradientCheck.graph();
        return Graphs.eval(Smoothness.loss(sd.constant(u), (int) u.size(0), SIZE)).getDouble(0);
    }

    @Test
    void constantFieldHasZeroPenalty() {
        assertEquals(0.0, loss(Nd4j.valueArrayOf(new long[] {2, 3, 3, 4, 5}, 2.5, DataType.DOUBLE)), 0.0);
    }

    @Test
    void unitRampAlongDepthInOneChannelScoresOneNinth() {
        INDArray u = Nd4j.zeros(DataType.DOUBLE, 1, 3, 3, 4, 5);
        for (int d = 0; d < 3; d++) {
            u.get(NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.point(d)).assign(d);
        }
        // Δ_D u = 1 in channel 0 and 0 in the two others: mean 1/3; Δ_H = Δ_W = 0; divided by 3.
        assertEquals(1.0 / 9, loss(u), 1e-15);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        var u = sd.var("u", Nd4j.randn(DataType.DOUBLE, 2, 3, 3, 4, 5));
        GradientCheck.assertGradientsMatch(Smoothness.loss(u, 2, SIZE));
    }

    @Test
    void rejectsAFieldWithoutThreeChannels() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Smoothness.loss(sd.constant(Nd4j.zeros(1, 2, 3, 4, 5)), 1, SIZE));
        assertTrue(e.getMessage().contains("[1, 2, 3, 4, 5]"), e.getMessage());
    }
}
