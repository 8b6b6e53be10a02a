package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionTest {

    @Test
    void isTheFractionOfThePredictionThatIsTrue() {
        // TP 3 of |P| = 3 + 1
        assertEquals(0.75, Precision.of(new ConfusionCounts(3, 1, 9, 100)));
        // predicted, absent from the truth
        assertEquals(0.0, Precision.of(new ConfusionCounts(0, 4, 0, 100)));
    }

    @Test
    void isUndefinedWhenThePredictionIsEmpty() {
        assertTrue(Double.isNaN(Precision.of(new ConfusionCounts(0, 0, 5, 100))));
        assertTrue(Double.isNaN(Precision.of(new ConfusionCounts(0, 0, 0, 100))));
    }
}
