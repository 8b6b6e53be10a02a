package org.gvsl.eval.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceIntervalTest {

    @Test
    void validatesItsBoundsAndLevel() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new ConfidenceInterval(2, 1, 0.95));
        assertTrue(order.getMessage().contains("lower bound 2.0 is above the upper bound 1.0"), order.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> new ConfidenceInterval(1, 2, 95));
        assertTrue(level.getMessage().contains("confidence level must lie in (0, 1), got 95.0"), level.getMessage());
        ConfidenceInterval none = ConfidenceInterval.undefined(0.9);
        assertTrue(Double.isNaN(none.lower()) && Double.isNaN(none.upper()));
    }
}
