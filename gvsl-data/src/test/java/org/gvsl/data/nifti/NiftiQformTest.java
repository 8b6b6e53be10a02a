package org.gvsl.data.nifti;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiQformTest {

    private static void assertMatrix(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], tolerance, "row " + r);
        }
    }

    @Test
    void quaternionOfAQuarterTurnAboutZ() {
        // a = cos(θ/2), (b, c, d) = sin(θ/2)·axis; θ = 90° about z
        double h = Math.sqrt(0.5);
        double[][] r = new NiftiQform(0, 0, h, 1).rotation();
        assertMatrix(new double[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}, r, 1e-12);
    }

    @Test
    void halfTurnsHaveAZeroAndComeBackThroughEveryBranch() {
        // 180° about x, y, z: a = 0, R = diag with two −1; ofRotation takes the xd, yd and zd branches
        double[][][] rotations = {{{1, 0, 0}, {0, -1, 0}, {0, 0, -1}}, {{-1, 0, 0}, {0, 1, 0}, {0, 0, -1}},
            {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}}};
        double[][] quaternions = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int i = 0; i < 3; i++) {
            double[] q = quaternions[i];
            assertMatrix(rotations[i], new NiftiQform(q[0], q[1], q[2], 1).rotation(), 1e-12);
            NiftiQform back = NiftiQform.ofRotation(rotations[i]);
            assertArrayEquals(q, new double[] {back.b(), back.c(), back.d()}, 1e-12, "axis " + i);
        }
    }

    @Test
    void aNearlyUnitQuaternionIsNormalisedWithAZero() {
        // 1 − |bcd|² = −2e-7 < 1e-7: (b, c, d) is scaled to unit length and a = 0, as nifti1_io does
        double d = Math.sqrt(1 + 2e-7);
        assertMatrix(new double[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}}, new NiftiQform(0, 0, d, 1).rotation(), 1e-12);
    }

    @Test
    void randomRotationsRoundTrip() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            // a random unit quaternion with a >= 0
            double[] q = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double norm = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
            double sign = q[0] < 0 ? -1 : 1;
            NiftiQform expected = new NiftiQform(sign * q[1] / norm, sign * q[2] / norm, sign * q[3] / norm, 1);
            double[][] r = expected.rotation();
            assertEquals(1, NiftiQform.determinant(r), 1e-12, "a proper rotation");
            NiftiQform back = NiftiQform.ofRotation(r);
            assertArrayEquals(new double[] {expected.b(), expected.c(), expected.d()},
                    new double[] {back.b(), back.c(), back.d()}, 1e-9);
        }
    }

    @Test
    void affineScalesTheColumnsAndQfacMirrorsTheThird() {
        double h = Math.sqrt(0.5);
        double[][] a = new NiftiQform(0, 0, h, -1).affine(new double[] {2, 3, 4}, new double[] {10, 20, 30});
        assertMatrix(new double[][] {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}, {0, 0, 0, 1}}, a, 1e-12);
    }

    @Test
    void ofAffineFindsTheRotationAndHandednessOrNothingForAShear() {
        double[][] mirrored = {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}, {0, 0, 0, 1}};
        NiftiQform q = NiftiQform.ofAffine(mirrored).orElseThrow();
        assertEquals(-1, q.qfac());
        assertMatrix(mirrored, q.affine(new double[] {2, 3, 4}, new double[] {10, 20, 30}), 1e-12);
        assertEquals(1, NiftiQform.ofAffine(new double[][] {{2, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 4, 0}, {0, 0, 0, 1}})
                .orElseThrow().qfac());
        assertTrue(NiftiQform.ofAffine(new double[][] {{1, 0.3, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}).isEmpty());
    }
}
