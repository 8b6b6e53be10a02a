package org.gvsl.eval.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentileBootstrapTest {

    /*
     * Two values {0, 1}: a resample's mean is 0, 1/2 or 1 with probabilities 1/4, 1/2, 1/4. Of 10 000 resamples about
     * 2 500 have mean 0 and 2 500 mean 1, far more than the 250 below the 2.5th and above the 97.5th percentile, so
     * the 95% interval is exactly [0, 1]. The 20% interval, the 40th and 60th percentiles, lies inside the middle
     * half of the sorted means, which are all 1/2: [1/2, 1/2].
     */
    @Test
    void twoValuesGiveTheQuantilesOfTheirResampleMeans() {
        ConfidenceInterval ci = PercentileBootstrap.DEFAULT.meanInterval(new double[] {0, 1});
        assertEquals(0.0, ci.lower());
        assertEquals(1.0, ci.upper());
        assertEquals(0.95, ci.level());
        ConfidenceInterval narrow = new PercentileBootstrap(10_000, 0.2, 5).meanInterval(new double[] {0, 1});
        assertEquals(0.5, narrow.lower());
        assertEquals(0.5, narrow.upper());
    }

    @Test
    void equalValuesAndOneValueGiveAPoint() {
        ConfidenceInterval equal = PercentileBootstrap.DEFAULT.meanInterval(new double[] {0.5, 0.5, 0.5, 0.5});
        assertEquals(0.5, equal.lower());
        assertEquals(0.5, equal.upper());
        ConfidenceInterval one = PercentileBootstrap.DEFAULT.meanInterval(new double[] {3.25});
        assertEquals(3.25, one.lower());
        assertEquals(3.25, one.upper());
    }

    /*
     * 400 values 0..9 repeated (mean 4.5, sample sd 2.876): the bootstrap distribution of the mean is close to
     * normal with sd 2.876/√400 = 0.1438, so the interval is close to 4.5 ± 1.96·0.1438 = [4.218, 4.782]. The
     * Monte-Carlo error of a bound with 10 000 resamples is about 0.004.
     */
    @Test
    void aLargeSampleGivesTheNormalInterval() {
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10;
        }
        double sd = Math.sqrt(8.25 * 400 / 399);
        double half = 1.959963984540054 * sd / Math.sqrt(400);
        ConfidenceInterval ci = PercentileBootstrap.DEFAULT.meanInterval(values);
        assertEquals(4.5 - half, ci.lower(), 0.02);
        assertEquals(4.5 + half, ci.upper(), 0.02);
    }

    @Test
    void isReproducibleForASeed() {
        double[] values = {0.71, 0.64, 0.93, 0.58, 0.88, 0.79};
        ConfidenceInterval a = new PercentileBootstrap(2000, 0.95, 42).meanInterval(values);
        assertEquals(a, new PercentileBootstrap(2000, 0.95, 42).meanInterval(values));
        assertNotEquals(a, new PercentileBootstrap(2000, 0.95, 43).meanInterval(values));
        assertTrue(a.lower() < 0.755 && 0.755 < a.upper(), a.toString());
    }

    @Test
    void rejectsBadOptionsAndValues() {
        assertMessage("at least 1 resample, got 0", () -> new PercentileBootstrap(0, 0.95, 0));
        assertMessage("confidence level must lie in (0, 1), got 1.0", () -> new PercentileBootstrap(10, 1, 0));
        assertMessage("needs at least one value", () -> PercentileBootstrap.DEFAULT.meanInterval(new double[0]));
        assertMessage("value 1 is NaN", () -> PercentileBootstrap.DEFAULT.meanInterval(new double[] {1, Double.NaN}));
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
