package org.gvsl.data.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeGeometryTest {

    @Test
    void ofSpacingMapsIndexOrderWhdToWorld() {
        VolumeGeometry g = VolumeGeometry.ofSpacing(3, 2, 1); // D, H, W
        // voxel (d, h, w) = (1, 1, 1): x = w * 1, y = h * 2, z = d * 3
        assertArrayEquals(new double[] {1, 2, 3}, g.worldOf(1, 1, 1), 0);
        assertArrayEquals(new double[] {3, 2, 1}, g.spacing(), 0);
        assertEquals("RAS", g.orientation());
    }

    @Test
    void shiftedMovesTheOriginToTheCropCorner() {
        VolumeGeometry g = VolumeGeometry.ofSpacing(3, 2, 1).shifted(1, 2, 3);
        assertArrayEquals(new double[] {3, 4, 3}, g.worldOf(0, 0, 0), 0);
        assertArrayEquals(new double[] {4, 6, 6}, g.worldOf(1, 1, 1), 0);
    }

    @Test
    void remappedComposesIndexMaps() {
        double[][] halve = {{0.5, 0, 0, 0}, {0, 0.5, 0, 0}, {0, 0, 0.5, 0}, {0, 0, 0, 1}};
        VolumeGeometry g = VolumeGeometry.unit().remapped(halve, new double[] {0.5, 0.5, 0.5});
        assertArrayEquals(new double[] {1, 1.5, 2}, g.worldOf(4, 3, 2), 0);
    }

    @Test
    void rejectsBadParts() {
        double[][] id = VolumeGeometry.unit().affine();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeGeometry(new double[] {1, 0, 1}, id))
                .getMessage().contains("[1.0, 0.0, 1.0]"));
        double[][] bad = VolumeGeometry.unit().affine();
        bad[3][0] = 1;
        String row = assertThrows(IllegalArgumentException.class, () -> new VolumeGeometry(new double[] {1, 1, 1}, bad)).getMessage();
        assertTrue(row.contains("affine's last row must be 0 0 0 1, got [1.0, 0.0, 0.0, 1.0]"), row);
        double[][] nan = VolumeGeometry.unit().affine();
        nan[0][3] = Double.NaN;
        String notFinite = assertThrows(IllegalArgumentException.class, () -> new VolumeGeometry(new double[] {1, 1, 1}, nan))
                .getMessage();
        assertTrue(notFinite.contains("affine has a non-finite value: [[1.0, 0.0, 0.0, NaN]"), notFinite);
    }

    @Test
    void affineIsACopy() {
        VolumeGeometry g = VolumeGeometry.unit();
        g.affine()[0][0] = 7;
        assertEquals(1, g.affine()[0][0]);
    }
}
