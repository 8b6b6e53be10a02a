package org.gvsl.train.monitor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossSummaryTest {

    private static LossHistory history(int steps) {
        LossHistory h = new LossHistory(List.of("loss_ncc", "loss_mse"));
        for (int s = 1; s <= steps; s++) {
            h.add(s, Map.of("loss_ncc", 1.0 - s / 1000.0, "loss_mse", s == steps ? 5.0 : 0.1));
        }
        return h;
    }

    @Test
    void comparesTheFirstAndLastTwentySteps() {
        LossSummary s = LossSummary.of(history(200));
        assertEquals(20, s.window());
        assertEquals(1 - 10.5 / 1000, s.first().get("loss_ncc"), 1e-12);
        assertEquals(1 - 190.5 / 1000, s.last().get("loss_ncc"), 1e-12);
        assertFalse(s.allFell());    // mse jumps at the last step
        assertEquals("ncc 0.9895 → 0.8095, mse 0.1000 → 0.3450", s.describe());
    }

    @Test
    void shortRunsUseHalfTheRunAtEachEnd() {
        LossSummary s = LossSummary.of(history(6));
        assertEquals(3, s.window());
        assertEquals(1, LossSummary.of(history(1)).window());
        assertTrue(LossSummary.of(new LossHistory(List.of("a"))).first().isEmpty());
    }
}
