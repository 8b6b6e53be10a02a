package org.gvsl.train.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeTest {

    @Test
    void boundsAreInclusiveOrExclusiveAsDeclared() {
        assertTrue(Range.atLeast(1).contains(1));
        assertFalse(Range.atLeast(1).contains(0));
        assertFalse(Range.above(0).contains(0.0));
        assertTrue(Range.above(0).contains(1e-300));
        assertTrue(Range.from(0, 1).contains(0));
        assertFalse(Range.from(0, 1).contains(1));
        assertTrue(Range.between(0, 1).contains(1));
        assertFalse(Range.between(0, 1).contains(1.0000001));
    }

    @Test
    void nonFiniteNumbersAreOutside() {
        assertFalse(Range.atLeast(0).contains(Double.POSITIVE_INFINITY));
        assertFalse(Range.atLeast(0).contains(Double.NaN));
    }

    @Test
    void readsAsInHelp() {
        assertEquals("≥ 1", Range.atLeast(1).toString());
        assertEquals("> 0", Range.above(0).toString());
        assertEquals("in [0, 1)", Range.from(0, 1).toString());
        assertEquals("in [0.5, 2]", Range.between(0.5, 2).toString());
        assertEquals("≤ 3", new Range(Double.NEGATIVE_INFINITY, false, 3, true).toString());
    }

    @Test
    void anEmptyRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Range.between(2, 1));
        assertTrue(e.getMessage().contains("a range needs min < max, got 2.0, 1.0"), e.getMessage());
    }
}
