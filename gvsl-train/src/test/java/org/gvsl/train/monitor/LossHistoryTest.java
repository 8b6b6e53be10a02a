package org.gvsl.train.monitor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossHistoryTest {

    @Test
    void growsAndAveragesEachEnd() {
        LossHistory h = new LossHistory(List.of("a", "b"));
        for (int s = 1; s <= 1000; s++) {
            h.add(s, Map.of("a", (double) s, "b", 2.0 * s));
        }
        assertEquals(1000, h.size());
        assertEquals(1000, h.lastStep());
        assertEquals(Map.of("a", 5.5, "b", 11.0), h.mean(10, false));
        assertEquals(Map.of("a", 995.5, "b", 1991.0), h.mean(10, true));
        assertEquals(Map.of("a", 500.5, "b", 1001.0), h.mean(5000, true));
        assertArrayEquals(new double[] {1, 2, 3}, java.util.Arrays.copyOf(h.values("a"), 3));
    }

    @Test
    void rejectsMissingTermsAndStepsOutOfOrder() {
        LossHistory h = new LossHistory(List.of("a"));
        h.add(3, Map.of("a", 1.0));
        String order = assertThrows(IllegalArgumentException.class, () -> h.add(3, Map.of("a", 1.0))).getMessage();
        assertTrue(order.contains("steps must increase: 3 after 3"), order);
        String missing = assertThrows(IllegalArgumentException.class, () -> h.add(4, Map.of("b", 1.0))).getMessage();
        assertTrue(missing.contains("loss term 'a' missing in {b=1.0}"), missing);
        String unknown = assertThrows(IllegalArgumentException.class, () -> h.values("b")).getMessage();
        assertTrue(unknown.contains("no loss term 'b', have [a]"), unknown);
        assertEquals(Map.of(), new LossHistory(List.of("a")).mean(3, true));
    }
}
