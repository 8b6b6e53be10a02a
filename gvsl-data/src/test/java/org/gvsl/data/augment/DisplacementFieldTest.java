package org.gvsl.data.augment;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplacementFieldTest {

    @Test
    void exponentialOfAConstantVelocityIsTheSameShiftAwayFromTheBorder() {
        VolumeShape s = VolumeShape.cube(12);
        float[] along = new float[s.voxelCount()];
        Arrays.fill(along, 1.5f);
        DisplacementField v = new DisplacementField(s, new float[s.voxelCount()], new float[s.voxelCount()], along);
        DisplacementField u = v.exponentiated(4);
        assertEquals(1.5, u.get(2, 5, 5, 3), 1e-6);
        assertEquals(0, u.get(0, 5, 5, 3), 0);
        assertEquals(1.5, u.maxAbs(), 1e-6);
        assertArrayEquals(v.channel(2), v.exponentiated(0).channel(2), 0, "0 squarings keeps the values");
    }

    @Test
    void rejectsWrongChannelLengthAndNegativeSquarings() {
        VolumeShape s = VolumeShape.cube(2);
        String length = assertThrows(IllegalArgumentException.class,
                () -> new DisplacementField(s, new float[8], new float[8], new float[7])).getMessage();
        assertTrue(length.contains("a field channel of 7 values does not match shape [2, 2, 2]"), length);
        String squarings = assertThrows(IllegalArgumentException.class, () -> DisplacementField.zero(s).exponentiated(-1))
                .getMessage();
        assertTrue(squarings.contains("squarings must be >= 0, got -1"), squarings);
    }
}
