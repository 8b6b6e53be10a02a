package org.gvsl.model.warp;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class VoxelGridTest {

    @Test
    void holdsVoxelIndicesPerChannel() {
        INDArray grid = VoxelGrid.values(new SpatialSize(2, 3, 4), DataType.DOUBLE);
        assertArrayEquals(new long[] {1, 3, 2, 3, 4}, grid.shape());
        assertEquals(1.0, grid.getDouble(0, 0, 1, 2, 3));
        assertEquals(2.0, grid.getDouble(0, 1, 1, 2, 3));
        assertEquals(3.0, grid.getDouble(0, 2, 1, 2, 3));
    }

    @Test
    void aGraphHoldsOneGridPerSizeAndType() {
        SameDiff sd = GradientCheck.graph();
        SDVariable grid = VoxelGrid.of(sd, SpatialSize.cube(4), DataType.DOUBLE);
        assertSame(grid, VoxelGrid.of(sd, SpatialSize.cube(4), DataType.DOUBLE));
        assertNotSame(grid, VoxelGrid.of(sd, SpatialSize.cube(4), DataType.FLOAT));
        assertNotSame(grid, VoxelGrid.of(sd, new SpatialSize(4, 4, 5), DataType.DOUBLE));
        assertEquals(VoxelGrid.values(SpatialSize.cube(4), DataType.DOUBLE), grid.getArr());
    }
}
