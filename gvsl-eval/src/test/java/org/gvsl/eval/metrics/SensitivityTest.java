package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityTest {

    @Test
    void isTheFractionOfTheTruthFound() {
        // TP 3 of |G| = 3 + 2
        assertEquals(0.6, Sensitivity.of(new ConfusionCounts(3, 7, 2, 100)), 1e-15);
        // the truth has the class, the prediction does not
        assertEquals(0.0, Sensitivity.of(new ConfusionCounts(0, 0, 5, 100)));
    }

    @Test
    void isUndefinedWhenTheTruthIsEmpty() {
        assertTrue(Double.isNaN(Sensitivity.of(new ConfusionCounts(0, 4, 0, 100))));
        assertTrue(Double.isNaN(Sensitivity.of(new ConfusionCounts(0, 0, 0, 100))));
    }
}
