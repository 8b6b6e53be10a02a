package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiceTest {

    @Test
    void countsOverlapPerForegroundClass() {
        int[] truth = {0, 1, 1, 1, 2, 2, 0, 0};
        int[] pred = {0, 1, 1, 0, 2, 0, 2, 3};
        // class 1: 2·2/(2+3); class 2: 2·1/(2+2); class 3: predicted only → 0
        assertArrayEquals(new double[] {0.8, 0.5, 0.0}, Dice.perClass(pred, truth, 3), 1e-15);
    }

    @Test
    void aClassAbsentFromBothIsUndefinedAndLeftOutOfTheMean() {
        double[] d = Dice.perClass(new int[] {0, 1}, new int[] {0, 1}, 2);
        assertEquals(1.0, d[0]);
        assertTrue(Double.isNaN(d[1]));
        assertEquals(1.0, Dice.meanOverClasses(d));
        assertTrue(Double.isNaN(Dice.meanOverClasses(new double[] {Double.NaN})));
    }

    @Test
    void fromCountsIsTwiceTheOverlapOverTheSizes() {
        // 2·3 / (2·3 + 1 + 2)
        assertEquals(6.0 / 9, Dice.of(new ConfusionCounts(3, 1, 2, 10)), 1e-15);
        assertEquals(0.0, Dice.of(new ConfusionCounts(0, 0, 4, 10)));
        assertTrue(Double.isNaN(Dice.of(new ConfusionCounts(0, 0, 0, 10))));
    }

    @Test
    void rejectsLabelsOutsideTheClassRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dice.perClass(new int[] {0, 4}, new int[] {0, 1}, 3));
        assertTrue(e.getMessage().contains("label 4"), e.getMessage());
    }
}
