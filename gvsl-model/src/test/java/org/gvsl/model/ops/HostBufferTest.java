package org.gvsl.model.ops;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostBufferTest {

    @Test
    void readsAndWritesAFloatArrayInPlaceInCOrder() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        HostBuffer b = HostBuffer.of(a);
        assertEquals(6.0, b.get(5), 0.0);
        b.set(0, 0.25);
        b.add(4, 1.5);
        assertArrayEquals(new float[] {0.25f, 2, 3, 4, 6.5f, 6}, a.data().asFloat(), 0f);
    }

    @Test
    void readsAndWritesADoubleArrayWithoutRounding() {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        HostBuffer b = HostBuffer.of(a);
        b.set(3, 1.0 / 3.0);
        b.add(3, 1e-17);
        assertEquals(1.0 / 3.0 + 1e-17, a.getDouble(1, 1), 0.0);
    }

    @Test
    void readsAndWritesAContiguousViewAtItsOffset() {
        INDArray a = Nd4j.arange(0, 12).castTo(DataType.FLOAT).reshape(3, 4);
        INDArray rows = a.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        HostBuffer b = HostBuffer.of(rows);
        assertEquals(4.0, b.get(0), 0.0);
        b.set(7, -1);
        assertEquals(-1.0, a.getDouble(2, 3), 0.0);
        assertEquals(10.0, a.getDouble(2, 2), 0.0);
    }

    @Test
    void refusesStridedElementsAndIntegers() {
        INDArray column = Nd4j.zeros(DataType.FLOAT, 4, 4).get(NDArrayIndex.all(), NDArrayIndex.point(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostBuffer.of(column)).getMessage()
                .contains("strides [4]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostBuffer.of(Nd4j.create(DataType.FLOAT, new long[] {2, 3}, 'f'))).getMessage()
                .contains("strides [1, 2]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostBuffer.of(Nd4j.zeros(DataType.INT32, 3))).getMessage().contains("INT"));
    }
}
