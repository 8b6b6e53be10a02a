package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.OneHot;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftDiceTest {

    private static double loss(INDArray p, INDArray y, SpatialSize size) {
        SameDiff sd = GradientCheck.graph();
        return Graphs.eval(SoftDice.loss(sd.constant(p), sd.constant(y), (int) p.size(1), size)).getDouble(0);
    }

    @Test
    void twoVoxelsTwoClassesByHand() {
        // p: class 0 = (0.8, 0.3), class 1 = (0.2, 0.7); truth: voxel 0 is class 0, voxel 1 is class 1.
        INDArray p = Nd4j.createFromArray(new double[] {0.8, 0.3, 0.2, 0.7}).reshape(1, 2, 1, 1, 2);
        INDArray y = Nd4j.createFromArray(new double[] {1, 0, 0, 1}).reshape(1, 2, 1, 1, 2);
        double class0 = (2 * 0.8 + 1) / (1 + (0.64 + 0.09) + 1);
        double class1 = (2 * 0.7 + 1) / (1 + (0.04 + 0.49) + 1);
        assertEquals(1 - (class0 + class1) / 2, loss(p, y, new SpatialSize(1, 1, 2)), 1e-15);
    }

    @Test
    void aPerfectPredictionScoresZeroAndAnAbsentClassCountsAsMatched() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        INDArray y = OneHot.random(2, 3, size, 1);
        assertEquals(0.0, loss(y, y, size), 1e-15);
        // class 3 absent from truth and prediction: (0 + 1)/(0 + 0 + 1) = 1, so still a perfect score
        INDArray four = Nd4j.concat(1, y, Nd4j.zeros(DataType.DOUBLE, size.shape(2, 1)));
        assertEquals(0.0, loss(four, four, size), 1e-15);
    }

    @Test
    void equalsThePerSampleAndClassFormulaOnRandomData() {
        // 4·4·8 = 128 voxels: the voxel sums run in two stages.
        SpatialSize size = new SpatialSize(4, 4, 8);
        INDArray p = Nd4j.rand(DataType.DOUBLE, size.shape(2, 3));
        INDArray y = OneHot.random(2, 3, size, 7);
        double mean = 0;
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 3; k++) {
                double[] pv = p.slice(n).slice(k).dup().data().asDouble();
                double[] yv = y.slice(n).slice(k).dup().data().asDouble();
                double overlap = 0;
                double pp = 0;
                double yy = 0;
                for (int v = 0; v < pv.length; v++) {
                    overlap += pv[v] * yv[v];
                    pp += pv[v] * pv[v];
                    yy += yv[v] * yv[v];
                }
                mean += (2 * overlap + SoftDice.SMOOTH) / (yy + pp + SoftDice.SMOOTH) / 6;
            }
        }
        assertEquals(1 - mean, loss(p, y, size), 1e-14);
    }

    @Test
    void gradientOfSoftmaxAndDiceMatchesFiniteDifferences() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        SameDiff sd = GradientCheck.graph();
        SDVariable logits = sd.var("logits", Nd4j.randn(DataType.DOUBLE, size.shape(2, 3)));
        SDVariable p = sd.nn.softmax(logits, 1);
        GradientCheck.assertGradientsMatch(SoftDice.loss(p, sd.constant(OneHot.random(2, 3, size, 3)), 3, size),
                "softmax + soft Dice");
    }

    @Test
    void aTargetWithAnotherClassCountIsRejectedNamingBothShapes() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoftDice.loss(
                sd.constant(Nd4j.zeros(size.shape(1, 3))), sd.constant(Nd4j.zeros(size.shape(1, 2))), 3, size));
        assertTrue(e.getMessage().contains("one-hot target") && e.getMessage().contains("[-1, 3, 2, 3, 4]")
                && e.getMessage().contains("[1, 2, 2, 3, 4]"), e.getMessage());
    }
}
