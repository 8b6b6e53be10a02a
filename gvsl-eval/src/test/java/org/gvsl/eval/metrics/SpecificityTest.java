package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecificityTest {

    @Test
    void isTheFractionOfTheNegativesLeftOut() {
        // TN 90 of TN + FP = 90 + 10
        assertEquals(0.9, Specificity.of(new ConfusionCounts(5, 10, 3, 90)), 1e-15);
        // predicted but absent from the truth: defined, below 1
        assertEquals(95.0 / 100, Specificity.of(new ConfusionCounts(0, 5, 0, 95)), 1e-15);
        // in the truth but not predicted: 1
        assertEquals(1.0, Specificity.of(new ConfusionCounts(0, 0, 5, 95)));
    }

    @Test
    void isUndefinedForAClassAbsentFromBothOrATruthFillingTheVolume() {
        assertTrue(Double.isNaN(Specificity.of(new ConfusionCounts(0, 0, 0, 100))));
        assertTrue(Double.isNaN(Specificity.of(new ConfusionCounts(60, 0, 40, 0))));
    }
}
