package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeDifferenceTest {

    @Test
    void isSignedRelativeAndAbsolute() {
        // |P| = 8 + 3 = 11, |G| = 8 + 2 = 10: 10% larger; 1 voxel of 0.5·0.5·2 mm³
        ConfusionCounts larger = new ConfusionCounts(8, 3, 2, 50);
        assertEquals(0.1, VolumeDifference.relative(larger), 1e-15);
        assertEquals(0.5, VolumeDifference.absoluteMm3(larger, 0.5 * 0.5 * 2), 1e-15);
        // |P| = 6, |G| = 10
        ConfusionCounts smaller = new ConfusionCounts(6, 0, 4, 50);
        assertEquals(-0.4, VolumeDifference.relative(smaller), 1e-15);
        assertEquals(-12.0, VolumeDifference.absoluteMm3(smaller, 3), 1e-15);
    }

    @Test
    void degenerateCases() {
        assertTrue(Double.isNaN(VolumeDifference.relative(new ConfusionCounts(0, 0, 0, 9))));
        assertTrue(Double.isNaN(VolumeDifference.absoluteMm3(new ConfusionCounts(0, 0, 0, 9), 1)));
        assertEquals(Double.POSITIVE_INFINITY, VolumeDifference.relative(new ConfusionCounts(0, 4, 0, 9)));
        assertEquals(8.0, VolumeDifference.absoluteMm3(new ConfusionCounts(0, 4, 0, 9), 2));
        assertEquals(-1.0, VolumeDifference.relative(new ConfusionCounts(0, 0, 4, 9)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VolumeDifference.absoluteMm3(new ConfusionCounts(1, 0, 0, 0), 0));
        assertTrue(e.getMessage().contains("voxel volume must be finite and positive, got 0.0"), e.getMessage());
    }
}
