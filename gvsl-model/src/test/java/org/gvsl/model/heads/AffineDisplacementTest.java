package org.gvsl.model.heads;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffineDisplacementTest {

    private static final SpatialSize SIZE = new SpatialSize(3, 4, 5);

    private static AffineDisplacement displacement(SameDiff sd, double[] raw) {
        SDVariable r = sd.constant(Nd4j.createFromArray(raw).reshape(1, 15));
        return new AffineDisplacement(AffineMatrix.fromRaw(r), 1, SIZE);
    }

    @Test
    void identityMatrixGivesZeroFieldAndLeavesTheDeformationUnchanged() {
        SameDiff sd = GradientCheck.graph();
        AffineDisplacement identity = displacement(sd, new double[15]);
        INDArray u = Nd4j.randn(DataType.DOUBLE, 1, 3, 3, 4, 5);
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 1, 3, 3, 4, 5), Graphs.eval(identity.field()));
        assertEquals(u, Graphs.eval(identity.fuse(sd.constant(u))));
    }

    @Test
    void translationOfOneVoxelWidthShiftsEveryVoxelByOneAlongW() {
        double[] raw = new double[15];
        raw[6] = 2.0 / (SIZE.w() - 1); // one voxel along x = W in normalised units
        INDArray a = Graphs.eval(displacement(GradientCheck.graph(), raw).field());
        INDArray w = a.get(NDArrayIndex.all(), NDArrayIndex.point(2));
        assertEquals(1.0, w.minNumber().doubleValue(), 1e-12);
        assertEquals(1.0, w.maxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void scaleActsAboutTheVolumeCentre() {
        double[] raw = new double[15];
        raw[5] = 1.0; // sz = 1.25 on z = D
        INDArray a = Graphs.eval(displacement(GradientCheck.graph(), raw).field());
        // D = 3: centre slice 1 stays, slices 0 and 2 move by ∓0.25 voxel.
        assertEquals(-0.25, a.getDouble(0, 0, 0, 0, 0), 1e-12);
        assertEquals(0.0, a.getDouble(0, 0, 1, 2, 3), 1e-12);
        assertEquals(0.25, a.getDouble(0, 0, 2, 3, 4), 1e-12);
    }

    @Test
    void gradientsOfTheFusedFieldMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        SDVariable raw = sd.var("raw", Nd4j.rand(DataType.DOUBLE, 2, 15).muli(1.8).subi(0.9));
        SDVariable u = sd.var("u", Nd4j.randn(DataType.DOUBLE, 2, 3, 3, 4, 5));
        AffineDisplacement d = new AffineDisplacement(AffineMatrix.fromRaw(raw), 2, SIZE);
        GradientCheck.assertGradientsMatch(d.fuse(u).mul(sd.constant(Nd4j.randn(DataType.DOUBLE, 2, 3, 3, 4, 5))).sum());
    }

    @Test
    void rejectsAnAxisOfSizeOne() {
        SameDiff sd = GradientCheck.graph();
        AffineMatrix m = AffineMatrix.fromRaw(sd.constant(Nd4j.zeros(1, 15)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AffineDisplacement(m, 1, new SpatialSize(4, 1, 4)));
        assertTrue(e.getMessage().contains("4×1×4"), e.getMessage());
    }
}
