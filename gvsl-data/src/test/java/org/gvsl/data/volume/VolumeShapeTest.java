package org.gvsl.data.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeShapeTest {

    @Test
    void indexIsCOrderOverDhw() {
        VolumeShape s = new VolumeShape(2, 3, 4);
        assertEquals(0, s.index(0, 0, 0));
        assertEquals(1, s.index(0, 0, 1));
        assertEquals(4, s.index(0, 1, 0));
        assertEquals(12, s.index(1, 0, 0));
        assertEquals(23, s.index(1, 2, 3));
        assertEquals(24, s.voxelCount());
        assertEquals("[2, 3, 4]", s.toString());
    }

    @Test
    void containsChecksEveryAxis() {
        VolumeShape s = new VolumeShape(2, 3, 4);
        assertTrue(s.contains(1, 2, 3));
        assertFalse(s.contains(2, 0, 0));
        assertFalse(s.contains(0, -1, 0));
        assertFalse(s.contains(0, 0, 4));
    }

    @Test
    void rejectsNonPositiveAndHugeShapes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeShape(0, 3, 4)).getMessage().contains("[0, 3, 4]"));
        String huge = assertThrows(IllegalArgumentException.class, () -> new VolumeShape(2048, 2048, 2048)).getMessage();
        assertTrue(huge.contains("[2048, 2048, 2048] has more than 2^31-1 voxels"), huge);
        String axes = assertThrows(IllegalArgumentException.class, () -> VolumeShape.of(new int[] {1, 2})).getMessage();
        assertTrue(axes.contains("3 axes [D, H, W], got 2 values"), axes);
        String axis = assertThrows(IllegalArgumentException.class, () -> s().size(3)).getMessage();
        assertTrue(axis.contains("axis must be 0 (D), 1 (H) or 2 (W), got 3"), axis);
    }

    private static VolumeShape s() {
        return VolumeShape.cube(2);
    }
}
