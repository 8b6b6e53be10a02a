package org.gvsl.eval.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeanSummaryTest {

    @Test
    void leavesOutAndCountsNanAndInfinity() {
        double inf = Double.POSITIVE_INFINITY;
        MeanSummary s = MeanSummary.of(new double[] {1, Double.NaN, 2, inf, 3, inf}, PercentileBootstrap.DEFAULT);
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-15);
        // ((1−2)² + 0 + (3−2)²) / (3 − 1) = 1
        assertEquals(1.0, s.standardDeviation(), 1e-15);
        assertEquals(1, s.undefined());
        assertEquals(2, s.infinite());
        assertTrue(s.interval().lower() >= 1 && s.interval().upper() <= 3, s.toString());
        assertEquals(PercentileBootstrap.DEFAULT.meanInterval(new double[] {1, 2, 3}), s.interval());
    }

    @Test
    void oneValueHasNoStandardDeviationAndNoneHasNothing() {
        MeanSummary one = MeanSummary.of(new double[] {0.25, Double.NaN}, PercentileBootstrap.DEFAULT);
        assertEquals(1, one.n());
        assertEquals(0.25, one.mean());
        assertTrue(Double.isNaN(one.standardDeviation()));
        assertEquals(0.25, one.interval().lower());
        MeanSummary none = MeanSummary.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY},
                PercentileBootstrap.DEFAULT);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.standardDeviation())
                && Double.isNaN(none.interval().lower()) && Double.isNaN(none.interval().upper()));
        assertEquals(1, none.undefined());
        assertEquals(1, none.infinite());
    }
}
