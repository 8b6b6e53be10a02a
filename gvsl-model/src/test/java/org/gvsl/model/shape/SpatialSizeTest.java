package org.gvsl.model.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialSizeTest {

    @Test
    void readsTheSpatialPartOfAFiveDimensionalShape() {
        SpatialSize s = SpatialSize.of(new long[] {2, 3, 4, 5, 6});
        assertEquals(new SpatialSize(4, 5, 6), s);
        assertEquals(120, s.voxels());
        assertArrayEquals(new long[] {7, 1, 4, 5, 6}, s.shape(7, 1));
        assertEquals("4×5×6", s.toString());
    }

    @Test
    void rejectsOtherRanksAndNonPositiveSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpatialSize.of(new long[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("[1, 2, 3]"), e.getMessage());
        String zero = assertThrows(IllegalArgumentException.class, () -> new SpatialSize(0, 1, 1)).getMessage();
        assertTrue(zero.contains("spatial size must be positive, got 0×1×1"), zero);
    }
}
