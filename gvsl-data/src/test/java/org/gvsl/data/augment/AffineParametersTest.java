package org.gvsl.data.augment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffineParametersTest {

    private static double[] apply(double[][] m, double... v) {
        return new double[] {
            m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    @Test
    void rotationsAreRightHandedAboutTheirAxes() {
        double q = Math.PI / 2;
        double[][] rz = AffineParameters.compose(new double[] {0, 0, q}, new double[] {1, 1, 1}, new double[6], new double[3]).matrix();
        assertArrayEquals(new double[] {0, 1, 0}, apply(rz, 1, 0, 0), 1e-12); // x -> y
        double[][] rx = AffineParameters.compose(new double[] {q, 0, 0}, new double[] {1, 1, 1}, new double[6], new double[3]).matrix();
        assertArrayEquals(new double[] {0, 0, 1}, apply(rx, 0, 1, 0), 1e-12); // y -> z
        double[][] ry = AffineParameters.compose(new double[] {0, q, 0}, new double[] {1, 1, 1}, new double[6], new double[3]).matrix();
        assertArrayEquals(new double[] {1, 0, 0}, apply(ry, 0, 0, 1), 1e-12); // z -> x
    }

    @Test
    void compositionIsShearScaleRzRyRx() {
        double q = Math.PI / 2;
        // Rx first maps y to z, then S scales z by 3, then the shear xz adds tan(phi) * z to x.
        double phi = Math.atan(0.5);
        double[][] m = AffineParameters.compose(new double[] {q, 0, 0}, new double[] {2, 1, 3},
                new double[] {0, phi, 0, 0, 0, 0}, new double[] {0.1, 0.2, 0.3}).matrix();
        assertArrayEquals(new double[] {1.5, 0, 3}, apply(m, 0, 1, 0), 1e-12);
        assertArrayEquals(new double[] {2, 0, 0}, apply(m, 1, 0, 0), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3},
                AffineParameters.compose(new double[3], new double[] {1, 1, 1}, new double[6], new double[] {0.1, 0.2, 0.3}).translation(), 0);
    }

    @Test
    void shearMatrixLayout() {
        double[] shear = new double[6];
        for (int k = 0; k < 6; k++) {
            shear[k] = Math.atan(k + 1); // tangents 1..6 in the order xy, xz, yx, yz, zx, zy
        }
        double[][] m = AffineParameters.compose(new double[3], new double[] {1, 1, 1}, shear, new double[3]).matrix();
        assertArrayEquals(new double[] {1, 1, 2}, m[0], 1e-12);
        assertArrayEquals(new double[] {3, 1, 4}, m[1], 1e-12);
        assertArrayEquals(new double[] {5, 6, 1}, m[2], 1e-12);
        String e = assertThrows(IllegalArgumentException.class,
                () -> AffineParameters.compose(new double[3], new double[3], new double[5], new double[3])).getMessage();
        assertTrue(e.contains("6 shears and 3 translations, got 3, 3, 5, 3"), e);
    }
}
