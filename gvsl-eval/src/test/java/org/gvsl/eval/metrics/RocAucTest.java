package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocAucTest {

    @Test
    void countsPairsWithTiesAsHalf() {
        // positives 0.8, 0.5; negatives 0.5, 0.1: pairs (0.8>0.5) (0.8>0.1) (0.5=0.5) (0.5>0.1) → 3.5/4
        assertEquals(0.875, RocAuc.of(new double[] {0.8, 0.5, 0.5, 0.1}, new int[] {1, 1, 0, 0}), 1e-15);
    }

    @Test
    void perfectInvertedAndAllTied() {
        assertEquals(1.0, RocAuc.of(new double[] {0.9, 0.1}, new int[] {1, 0}));
        assertEquals(0.0, RocAuc.of(new double[] {0.1, 0.9}, new int[] {1, 0}));
        assertEquals(0.5, RocAuc.of(new double[] {3, 3, 3}, new int[] {1, 0, 1}));
    }

    @Test
    void oneClassIsUndefined() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new double[] {0.1, 0.2}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("undefined with only one class present (2 positives, 0 negatives)"), e.getMessage());
    }
}
