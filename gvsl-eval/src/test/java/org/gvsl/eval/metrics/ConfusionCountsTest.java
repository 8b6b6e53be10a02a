package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionCountsTest {

    private static final int[] TRUTH = {0, 1, 1, 1, 2, 2, 0, 0};
    private static final int[] PRED = {0, 1, 1, 0, 2, 0, 2, 3};

    @Test
    void countsEachClassInOnePass() {
        ConfusionCounts[] c = ConfusionCounts.perClass(PRED, TRUTH, 3);
        // class 1: P = {1, 2}, G = {1, 2, 3}; class 2: P = {4, 6}, G = {4, 5}; class 3: P = {7}, G = {}
        assertEquals(new ConfusionCounts(2, 0, 1, 5), c[0]);
        assertEquals(new ConfusionCounts(1, 1, 1, 5), c[1]);
        assertEquals(new ConfusionCounts(0, 1, 0, 7), c[2]);
        assertEquals(2, c[0].predicted());
        assertEquals(3, c[0].actual());
    }

    @Test
    void oneLabelAgreesWithThePerClassCountsAndMayBeAbsent() {
        for (int k = 1; k <= 3; k++) {
            assertEquals(ConfusionCounts.perClass(PRED, TRUTH, 3)[k - 1], ConfusionCounts.ofLabel(PRED, TRUTH, k));
        }
        ConfusionCounts absent = ConfusionCounts.ofLabel(PRED, TRUTH, 9);
        assertEquals(new ConfusionCounts(0, 0, 0, 8), absent);
        assertTrue(absent.absentFromBoth());
        assertFalse(ConfusionCounts.ofLabel(PRED, TRUTH, 3).absentFromBoth());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ConfusionCounts.perClass(new int[] {0, 4}, new int[] {0, 1}, 3));
        assertTrue(range.getMessage().contains("prediction label 4 at voxel 1 is outside [0, 3]"), range.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ConfusionCounts.ofLabel(new int[2], new int[3], 1));
        assertTrue(length.getMessage().contains("prediction has 2 voxels, truth 3"), length.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionCounts(1, -1, 0, 0));
        assertTrue(negative.getMessage().contains("FP -1"), negative.getMessage());
    }
}
