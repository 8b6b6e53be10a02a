package org.gvsl.data.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeTest {

    static Volume ramp(VolumeShape shape) {
        float[] v = new float[shape.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Volume.adopt(shape, v, VolumeGeometry.unit());
    }

    @Test
    void constructorCopiesAndToArrayCopies() {
        float[] data = {1, 2, 3, 4};
        Volume v = new Volume(new VolumeShape(1, 2, 2), data, VolumeGeometry.unit());
        data[0] = 9;
        assertEquals(1, v.get(0));
        v.toArray()[1] = 9;
        assertEquals(2, v.get(0, 0, 1));
    }

    @Test
    void rejectsWrongLengthAndOutOfRangeVoxel() {
        String length = assertThrows(IllegalArgumentException.class,
                () -> new Volume(VolumeShape.cube(2), new float[7], VolumeGeometry.unit())).getMessage();
        assertTrue(length.contains("shape [2, 2, 2] needs 8 voxels, got 7"), length);
        String outside = assertThrows(IndexOutOfBoundsException.class, () -> ramp(VolumeShape.cube(2)).get(2, 0, 0)).getMessage();
        assertTrue(outside.contains("voxel (2, 0, 0) outside volume [2, 2, 2]"), outside);
    }

    @Test
    void rangeIgnoresNaN() {
        Volume v = new Volume(new VolumeShape(1, 1, 3), new float[] {Float.NaN, -2, 5}, VolumeGeometry.unit());
        assertArrayEquals(new double[] {-2, 5}, v.range(), 0);
    }

    @Test
    void reindexedPermutesReversesAndKeepsWorldPositions() {
        Volume v = ramp(new VolumeShape(2, 3, 4));
        // new D = old W reversed, new H = old D, new W = old H
        Volume r = v.reindexed(new int[] {2, 0, 1}, new boolean[] {true, false, false});
        assertEquals(new VolumeShape(4, 2, 3), r.shape());
        for (int d = 0; d < 4; d++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 3; w++) {
                    int oldD = h;
                    int oldH = w;
                    int oldW = 3 - d;
                    assertEquals(v.get(oldD, oldH, oldW), r.get(d, h, w));
                    assertArrayEquals(v.geometry().worldOf(oldD, oldH, oldW), r.geometry().worldOf(d, h, w), 1e-12);
                }
            }
        }
        String e = assertThrows(IllegalArgumentException.class, () -> v.reindexed(new int[] {0, 0, 1}, new boolean[3])).getMessage();
        assertTrue(e.contains("must be a permutation of {0, 1, 2} and reverse 3 flags, got [0, 0, 1] / [false, false, false]"), e);
    }
}
