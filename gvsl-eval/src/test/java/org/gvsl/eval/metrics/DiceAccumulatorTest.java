package org.gvsl.eval.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiceAccumulatorTest {

    @Test
    void averagesOverClassesThenOverCases() {
        DiceAccumulator acc = new DiceAccumulator(2);
        acc.add(new int[] {1, 2}, new int[] {1, 2});        // 1, 1 → 1
        acc.add(new int[] {1, 1, 0}, new int[] {1, 0, 0}); // class 1: 2/3, class 2 undefined → 2/3
        assertEquals((1 + 2.0 / 3) / 2, acc.mean(), 1e-15);
        assertEquals(2, acc.perCase().size());
    }
}
