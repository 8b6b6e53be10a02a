package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalNccTest {

    private static final SpatialSize SIZE = new SpatialSize(5, 6, 7);

    /** The formula evaluated voxel by voxel with explicit zero-padded window sums, in double. */
    private static double bruteForce(INDArray i, INDArray j, int w) {
        int n = (int) i.size(0);
        double total = 0;
        double count = w * w * w;
        int r = w / 2;
        for (int b = 0; b < n; b++) {
            for (int d = 0; d < SIZE.d(); d++) {
                for (int h = 0; h < SIZE.h(); h++) {
                    for (int x = 0; x < SIZE.w(); x++) {
                        double si = 0, sj = 0, sii = 0, sjj = 0, sij = 0;
                        for (int dd = d - r; dd <= d + r; dd++) {
                            for (int hh = h - r; hh <= h + r; hh++) {
                                for (int xx = x - r; xx <= x + r; xx++) {
                                    if (dd < 0 || hh < 0 || xx < 0 || dd >= SIZE.d() || hh >= SIZE.h() || xx >= SIZE.w()) {
                                        continue;
                                    }
                                    double a = i.getDouble(b, 0, dd, hh, xx);
                                    double c = j.getDouble(b, 0, dd, hh, xx);
                                    si += a;
                                    sj += c;
                                    sii += a * a;
                                    sjj += c * c;
                                    sij += a * c;
                                }
                            }
                        }
                        double cross = sij - si * sj / count;
                        double varI = sii - si * si / count;
                        double varJ = sjj - sj * sj / count;
                        total += cross * cross / (varI * varJ + 1e-5);
                    }
                }
            }
        }
        return 1 - total / (n * SIZE.voxels());
    }

    private static double loss(INDArray i, INDArray j, int window) {
        SameDiff sd = GradientCheck.graph();
        return Graphs.eval(new LocalNcc(window).loss(sd.constant(i), sd.constant(j), (int) i.size(0), SIZE)).getDouble(0);
    }

    @Test
    void imageWithItselfMatchesTheFormulaAndIsNearZero() {
        INDArray i = Nd4j.rand(DataType.DOUBLE, 2, 1, 5, 6, 7);
        double value = loss(i, i, 3);
        assertEquals(bruteForce(i, i, 3), value, 1e-12);
        assertTrue(value < 1e-3, "self-similarity loss " + value);
    }

    @Test
    void unrelatedImagesMatchTheFormulaForWindowsThreeAndFive() {
        INDArray i = Nd4j.rand(DataType.DOUBLE, 1, 1, 5, 6, 7);
        INDArray j = Nd4j.rand(DataType.DOUBLE, 1, 1, 5, 6, 7);
        assertEquals(bruteForce(i, j, 3), loss(i, j, 3), 1e-12);
        assertEquals(bruteForce(i, j, 5), loss(i, j, 5), 1e-12);
    }

    @Test
    void flatImagesHaveNoCorrelationSoTheLossIsOne() {
        INDArray flat = Nd4j.ones(DataType.DOUBLE, 1, 1, 5, 6, 7);
        INDArray i = Nd4j.rand(DataType.DOUBLE, 1, 1, 5, 6, 7);
        // Inside the volume a constant has zero local variance; at the borders the zero padding gives it some,
        // so only the formula (not exactly 1) holds there.
        assertEquals(bruteForce(flat, i, 3), loss(flat, i, 3), 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        var i = sd.var("I", Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 5, 6));
        var j = sd.var("J", Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 5, 6));
        GradientCheck.assertGradientsMatch(new LocalNcc(3).loss(i, j, 1, new SpatialSize(4, 5, 6)));
    }

    @Test
    void rejectsAnEvenWindow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalNcc(8));
        assertTrue(e.getMessage().contains("the NCC window must be odd and positive, got 8"), e.getMessage());
    }

    @Test
    void rejectsMismatchedImagesNamingBothShapes() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalNcc(9)
                .loss(sd.constant(Nd4j.zeros(1, 1, 5, 6, 7)), sd.constant(Nd4j.zeros(1, 1, 5, 6, 8)), 1, SIZE));
        assertTrue(e.getMessage().contains("[1, 1, 5, 6, 7]") && e.getMessage().contains("[1, 1, 5, 6, 8]"),
                e.getMessage());
    }
}
