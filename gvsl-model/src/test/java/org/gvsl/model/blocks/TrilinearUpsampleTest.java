package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TrilinearUpsampleTest {

    @Test
    void twoSamplesBecomeFourAtThirds() {
        // Output positions o·(S−1)/(2S−1) = 0, 1/3, 2/3, 1 between the two inputs.
        double[] u = TrilinearUpsample.interpolationMatrix(2);
        assertArrayEquals(new double[] {1, 2.0 / 3, 1.0 / 3, 0, 0, 1.0 / 3, 2.0 / 3, 1}, u, 1e-15);
    }

    @Test
    void aSingleSampleIsCopied() {
        assertArrayEquals(new double[] {1, 1}, TrilinearUpsample.interpolationMatrix(1), 0.0);
    }

    @Test
    void upsamplesEachAxisOfAVolume() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.createFromArray(3.0, 6.0).reshape(1, 1, 1, 1, 2);
        INDArray y = Graphs.eval(TrilinearUpsample.upsample(sd.constant(x), 1, new SpatialSize(1, 1, 2), DataType.DOUBLE));
        assertArrayEquals(new long[] {1, 1, 2, 2, 4}, y.shape());
        double[] row = {3, 4, 5, 6};
        assertArrayEquals(row, y.get(NDArrayIndex.point(0), NDArrayIndex.point(0),
                NDArrayIndex.point(1), NDArrayIndex.point(0)).toDoubleVector(), 1e-12);
        assertArrayEquals(row, y.get(NDArrayIndex.point(0), NDArrayIndex.point(0),
                NDArrayIndex.point(0), NDArrayIndex.point(1)).toDoubleVector(), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        var x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 1, 2, 2, 3, 2));
        var y = TrilinearUpsample.upsample(x, 2, new SpatialSize(2, 3, 2), DataType.DOUBLE);
        GradientCheck.assertGradientsMatch(y.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 1, 2, 4, 6, 4))).sum());
    }
}
