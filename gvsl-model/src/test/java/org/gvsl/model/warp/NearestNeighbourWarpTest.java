package org.gvsl.model.warp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

class NearestNeighbourWarpTest {

    /** Labels 1..8 on a 2×2×2 volume (voxel (d, h, w) holds 1 + 4d + 2h + w). */
    private static final INDArray LABELS = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new long[] {1, 1, 2, 2, 2},
            DataType.FLOAT);

    private static INDArray constantField(double d, double h, double w) {
        INDArray f = Nd4j.zeros(DataType.FLOAT, 1, 3, 2, 2, 2);
        f.get(point(0), point(0)).assign(d);
        f.get(point(0), point(1)).assign(h);
        f.get(point(0), point(2)).assign(w);
        return f;
    }

    private static float[] warp(INDArray field) {
        return NearestNeighbourWarp.warp(LABELS, field).data().asFloat();
    }

    @Test
    void aZeroFieldReturnsTheLabels() {
        assertArrayEquals(LABELS.data().asFloat(), warp(constantField(0, 0, 0)), 0f);
    }

    @Test
    void aUnitShiftAlongWTakesTheNextColumnAndZeroOutside() {
        // out(d, h, 0) = labels(d, h, 1); out(d, h, 1) samples w = 2, outside: background.
        assertArrayEquals(new float[] {2, 0, 4, 0, 6, 0, 8, 0}, warp(constantField(0, 0, 1)), 0f);
        // Along D by −1: the first slice samples d = −1 (outside), the second takes the first.
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 3, 4}, warp(constantField(-1, 0, 0)), 0f);
    }

    @Test
    void halvesRoundUp() {
        assertArrayEquals(new float[] {3, 4, 0, 0, 7, 8, 0, 0}, warp(constantField(0, 0.5, 0)), 0f, "0.5 → 1");
        assertArrayEquals(LABELS.data().asFloat(), warp(constantField(-0.5, 0.49, -0.5)), 0f, "−0.5 → 0, 0.49 → 0");
        assertArrayEquals(new float[] {0, 1, 0, 3, 0, 5, 0, 7}, warp(constantField(0, 0, -0.51)), 0f, "−0.51 → −1");
    }

    @Test
    void aNonFiniteDisplacementGivesBackground() {
        INDArray field = constantField(0, 0, 0);
        field.putScalar(new long[] {0, 1, 1, 1, 1}, Float.NaN);
        field.putScalar(new long[] {0, 2, 0, 0, 0}, Float.POSITIVE_INFINITY);
        assertArrayEquals(new float[] {0, 2, 3, 4, 5, 6, 7, 0}, warp(field), 0f);
    }

    @Test
    void everyChannelAndSampleOfABatchMoves() {
        INDArray labels = Nd4j.concat(1, LABELS, LABELS.mul(10));
        labels = Nd4j.concat(0, labels, labels.add(100));
        INDArray field = Nd4j.concat(0, constantField(0, 0, 0), constantField(0, 0, 1));
        INDArray out = NearestNeighbourWarp.warp(labels, field);
        assertArrayEquals(new long[] {2, 2, 2, 2, 2}, out.shape());
        assertEquals(labels.get(point(0)), out.get(
                point(0)));
        assertEquals(120f, out.getFloat(1, 1, 0, 0, 0), 0f, "sample 1, channel 1: 10·2 + 100");
        assertEquals(0f, out.getFloat(1, 1, 0, 0, 1), 0f);
    }

    @Test
    void aFieldOfAnotherShapeIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourWarp.warp(LABELS, Nd4j.zeros(DataType.FLOAT, 1, 3, 2, 2, 3)));
        assertTrue(e.getMessage().contains("labels [1, 1, 2, 2, 2], field [1, 3, 2, 2, 3]"), e.getMessage());
    }
}
