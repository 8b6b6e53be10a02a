package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.OneHot;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossEntropyTest {

    private static double loss(INDArray z, INDArray y, SpatialSize size) {
        SameDiff sd = GradientCheck.graph();
        return Graphs.eval(CrossEntropy.loss(sd.constant(z), sd.constant(y), (int) z.size(1), size)).getDouble(0);
    }

    @Test
    void equalLogitsCostLogKPerVoxel() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        assertEquals(Math.log(4), loss(Nd4j.zeros(DataType.DOUBLE, size.shape(2, 4)),
                OneHot.random(2, 4, size, 5), size), 1e-15);
    }

    @Test
    void equalsTheMeanOfMinusLogSoftmaxOnRandomData() {
        SpatialSize size = new SpatialSize(4, 4, 8);
        INDArray z = Nd4j.randn(DataType.DOUBLE, size.shape(2, 3)).muli(3);
        INDArray y = OneHot.random(2, 3, size, 9);
        double sum = 0;
        for (int n = 0; n < 2; n++) {
            for (int v = 0; v < size.voxels(); v++) {
                int d = (int) (v / 32);
                int h = (int) (v / 8 % 4);
                int w = (int) (v % 8);
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 3; k++) {
                    max = Math.max(max, z.getDouble(n, k, d, h, w));
                }
                double norm = 0;
                for (int k = 0; k < 3; k++) {
                    norm += Math.exp(z.getDouble(n, k, d, h, w) - max);
                }
                for (int k = 0; k < 3; k++) {
                    double logP = z.getDouble(n, k, d, h, w) - max - Math.log(norm);
                    sum -= y.getDouble(n, k, d, h, w) * logP;
                }
            }
        }
        assertEquals(sum / (2 * size.voxels()), loss(z, y, size), 1e-13);
    }

    @Test
    void aConfidentWrongVoxelCostsItsMarginNotInfinity() {
        // logits (1000, −1000), truth class 1: −log softmax₁ = 2000 + log(1 + e^−2000) = 2000
        INDArray z = Nd4j.createFromArray(new double[] {1000, -1000}).reshape(1, 2, 1, 1, 1);
        INDArray y = Nd4j.createFromArray(new double[] {0, 1}).reshape(1, 2, 1, 1, 1);
        assertEquals(2000.0, loss(z, y, new SpatialSize(1, 1, 1)), 1e-9);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        SameDiff sd = GradientCheck.graph();
        var z = sd.var("logits", Nd4j.randn(DataType.DOUBLE, size.shape(2, 3)));
        GradientCheck.assertGradientsMatch(CrossEntropy.loss(z, sd.constant(OneHot.random(2, 3, size, 4)), 3,
                size), "cross-entropy");
    }

    @Test
    void logitsOfAnotherSizeAreRejectedNamingBothShapes() {
        SpatialSize size = new SpatialSize(2, 3, 4);
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossEntropy.loss(
                sd.constant(Nd4j.zeros(1, 3, 2, 3, 5)), sd.constant(Nd4j.zeros(size.shape(1, 3))), 3, size));
        assertTrue(e.getMessage().contains("logits") && e.getMessage().contains("[1, 3, 2, 3, 5]"), e.getMessage());
    }
}
