package org.gvsl.eval.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentIntervalTest {

    /* {1, 2, 3}: mean 2, s = 1, t(0.975, 2) = 4.302652729911275 (scipy.stats.t.ppf), half-width t/√3. */
    @Test
    void threeValuesGiveTheTIntervalOfTwoDegreesOfFreedom() {
        ConfidenceInterval ci = StudentInterval.DEFAULT.meanInterval(new double[] {1, 2, 3});
        assertEquals(2 - 2.484137711843753, ci.lower(), 1e-9);
        assertEquals(2 + 2.484137711843753, ci.upper(), 1e-9);
        assertEquals(0.95, ci.level());
    }

    /* The 90% interval of {0.61, 0.70, 0.52, 0.66}, from scipy: mean ± t.ppf(0.95, 3)·stdev/2. */
    @Test
    void anotherLevelUsesItsQuantile() {
        ConfidenceInterval ci = new StudentInterval(0.9).meanInterval(new double[] {0.61, 0.70, 0.52, 0.66});
        assertEquals(0.5311649372858649, ci.lower(), 1e-9);
        assertEquals(0.7138350627141352, ci.upper(), 1e-9);
    }

    @Test
    void equalValuesGiveAPointAndOneValueNothing() {
        ConfidenceInterval equal = StudentInterval.DEFAULT.meanInterval(new double[] {0.5, 0.5, 0.5});
        assertEquals(0.5, equal.lower());
        assertEquals(0.5, equal.upper());
        ConfidenceInterval one = StudentInterval.DEFAULT.meanInterval(new double[] {0.5});
        assertTrue(Double.isNaN(one.lower()) && Double.isNaN(one.upper()));
        assertTrue(Double.isNaN(StudentInterval.DEFAULT.meanInterval(new double[0]).upper()));
    }

    @Test
    void refusesNonFiniteValuesAndBadLevels() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> StudentInterval.DEFAULT.meanInterval(new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("value 1 is NaN"), nan.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> new StudentInterval(1));
        assertTrue(level.getMessage().contains("must lie in (0, 1), got 1.0"), level.getMessage());
    }
}
