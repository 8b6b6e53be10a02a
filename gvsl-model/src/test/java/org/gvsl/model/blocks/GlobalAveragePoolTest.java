package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GlobalAveragePoolTest {

    @Test
    void averagesEveryChannelOverItsVoxels() {
        SameDiff sd = GradientCheck.graph();
        // [2, 3, 1, 2, 2]: element value = its flat index, so channel c of sample n averages 4·(3n + c) + 1.5
        INDArray x = Nd4j.linspace(0, 23, 24, DataType.DOUBLE).reshape(2, 3, 1, 2, 2);
        INDArray y = Graphs.eval(GlobalAveragePool.apply(sd.constant(x), 3, new SpatialSize(1, 2, 2)));
        assertArrayEquals(new long[] {2, 3}, y.shape());
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(4 * (3 * n + c) + 1.5, y.getDouble(n, c), 1e-15);
            }
        }
    }

    @Test
    void aSingleVoxelIsReturnedAsIs() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 1, 1, 1);
        assertEquals(x.reshape(2, 3), Graphs.eval(GlobalAveragePool.apply(sd.constant(x), 3, SpatialSize.cube(1))));
    }
}
