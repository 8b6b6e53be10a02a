package org.gvsl.data.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrientationTest {

    @Test
    void axisAlignedCodes() {
        assertEquals("RAS", Orientation.of(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}).code());
        assertEquals("LPS", Orientation.of(new double[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}).code());
        // i runs along -z (I), j along +x (R), k along +y (A)
        Orientation o = Orientation.of(new double[][] {{0, 2, 0, 0}, {0, 0, 3, 0}, {-1, 0, 0, 0}, {0, 0, 0, 1}});
        assertEquals("IRA", o.code());
        assertEquals(2, o.worldAxis(0));
        assertEquals(-1, o.sign(0));
    }

    @Test
    void obliqueAffinePicksTheClosestAxisOncePerWorldAxis() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        Orientation o = Orientation.of(new double[][] {{c, -s, 0, 0}, {s, c, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        assertEquals("RAS", o.code());
    }

    @Test
    void zeroColumnIsAnError() {
        String e = assertThrows(IllegalArgumentException.class,
                () -> Orientation.of(new double[][] {{0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}})).getMessage();
        assertTrue(e.contains("affine column 0 is zero"), e);
    }
}
