package org.gvsl.model.warp;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
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

class TrilinearWarpTest {

    /** Image [1, 1, 2, 2, 2] holding 1..8 in C order, i.e. value(d, h, w) = 4d + 2h + w + 1. */
    private static INDArray ramp() {
        return Nd4j.arange(1, 9).castTo(DataType.DOUBLE).reshape(1, 1, 2, 2, 2);
    }

    private static INDArray warp(INDArray image, INDArray field) {
        SameDiff sd = GradientCheck.graph();
        long[] s = image.shape();
        return Graphs.eval(TrilinearWarp.warp(sd.constant(image), sd.constant(field), (int) s[0], (int) s[1],
                SpatialSize.of(s)));
    }

    @Test
    void zeroFieldReturnsTheImageExactlyForAnyChannelCount() {
        INDArray image = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 5, 6);
        INDArray out = warp(image, Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 5, 6));
        assertEquals(image, out);
    }

    @Test
    void unitShiftAlongWidthReadsTheNextColumnAndZeroOutside() {
        INDArray field = Nd4j.zeros(DataType.DOUBLE, 1, 3, 2, 2, 2);
        field.get(NDArrayIndex.all(), NDArrayIndex.point(2)).assign(1.0);
        double[] out = warp(ramp(), field).data().asDouble();
        // out(d, h, 0) = value(d, h, 1); out(d, h, 1) samples w = 2, outside the volume.
        assertArrayEquals(new double[] {2, 0, 4, 0, 6, 0, 8, 0}, out, 0.0);
    }

    @Test
    void halfVoxelShiftAlongDepthAveragesNeighboursWithZeroPadding() {
        INDArray field = Nd4j.zeros(DataType.DOUBLE, 1, 3, 2, 2, 2);
        field.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(0.5);
        double[] out = warp(ramp(), field).data().asDouble();
        // d = 0 reads halfway between slices 0 and 1; d = 1 reads halfway between slice 1 and the zero outside.
        assertArrayEquals(new double[] {3, 4, 5, 6, 2.5, 3, 3.5, 4}, out, 1e-12);
    }

    @Test
    void aNonFiniteFieldGivesNaNThereInsteadOfReadingOutsideTheImage() {
        // Casting NaN to an integer index is undefined; unguarded, the gather read outside its rows (SIGSEGV).
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 4, 4, 4);
        INDArray field = Nd4j.zeros(DataType.FLOAT, 1, 3, 4, 4, 4);
        field.putScalar(new long[] {0, 2, 1, 2, 3}, Float.NaN);
        field.putScalar(new long[] {0, 1, 2, 2, 2}, Float.POSITIVE_INFINITY);
        field.putScalar(new long[] {0, 2, 3, 0, 1}, Float.NEGATIVE_INFINITY);
        INDArray out = warp(image, field);
        assertTrue(Double.isNaN(out.getDouble(0, 0, 1, 2, 3)));
        assertTrue(Double.isNaN(out.getDouble(0, 0, 2, 2, 2)));
        assertTrue(Double.isNaN(out.getDouble(0, 0, 3, 0, 1)));
        assertEquals(image.getDouble(0, 0, 0, 0, 0), out.getDouble(0, 0, 0, 0, 0), 0.0);
    }

    @Test
    void gradientsToImageAndFieldMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(7);
        SDVariable image = sd.var("image", Nd4j.rand(DataType.DOUBLE, 1, 2, 3, 4, 5));
        // Displacements in (−1.4, 1.4), partly out of bounds; a ±1e-6 probe crossing an integer is improbable.
        SDVariable field = sd.var("field", Nd4j.rand(DataType.DOUBLE, 1, 3, 3, 4, 5).muli(2.8).subi(1.4));
        SDVariable out = TrilinearWarp.warp(image, field, 1, 2, new SpatialSize(3, 4, 5));
        SDVariable weights = sd.constant(Nd4j.rand(DataType.DOUBLE, 1, 2, 3, 4, 5));
        GradientCheck.assertGradientsMatch(out.mul(weights).sum());
    }

    @Test
    void rejectsAnAxisOfSizeOne() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrilinearWarp.warp(
                sd.constant(Nd4j.zeros(1, 1, 1, 4, 4)), sd.constant(Nd4j.zeros(1, 3, 1, 4, 4)), 1, 1,
                new SpatialSize(1, 4, 4)));
        assertTrue(e.getMessage().contains("1×4×4"), e.getMessage());
    }

    @Test
    void rejectsAFieldWithoutThreeChannelsNamingBothShapes() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrilinearWarp.warp(
                sd.constant(Nd4j.zeros(1, 1, 4, 4, 4)), sd.constant(Nd4j.zeros(1, 2, 4, 4, 4)), 1, 1, SpatialSize.cube(4)));
        assertTrue(e.getMessage().contains("[1, 3, 4, 4, 4]") && e.getMessage().contains("[1, 2, 4, 4, 4]"),
                e.getMessage());
    }

    @Test
    void rejectsAnImageOfTheWrongRank() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrilinearWarp.warp(
                sd.constant(Nd4j.zeros(1, 4, 4, 4)), sd.constant(Nd4j.zeros(1, 3, 4, 4, 4)), 1, 1, SpatialSize.cube(4)));
        assertTrue(e.getMessage().contains("[1, 1, 4, 4, 4]") && e.getMessage().contains("[1, 4, 4, 4]"), e.getMessage());
    }
}
