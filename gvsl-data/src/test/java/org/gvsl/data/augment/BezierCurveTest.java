package org.gvsl.data.augment;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BezierCurveTest {

    @Test
    void collinearControlPointsGiveTheIdentity() {
        BezierCurve c = new BezierCurve(new double[][] {{0, 0}, {1.0 / 3, 1.0 / 3}, {2.0 / 3, 2.0 / 3}, {1, 1}}, 1001, true);
        for (double x = 0; x <= 1; x += 0.0625) {
            assertEquals(x, c.map(x), 1e-12);
        }
    }

    @Test
    void endsAreClampedLikeNumpyInterp() {
        BezierCurve c = BezierCurve.gvsl(0.3, 0.8, 0.6, 0.1);
        assertEquals(0, c.map(-0.5));
        assertEquals(1, c.map(1.5));
        assertEquals(0, c.map(0));
        assertEquals(1, c.map(1));
        assertTrue(Double.isNaN(c.map(Double.NaN)));
    }

    @Test
    void samplesFollowTheIndexReversedBernsteinTerms() {
        // 3 samples: t = 0, 0.5, 1. At t = 0 the curve is at the LAST control point (index-reversed terms).
        BezierCurve c = new BezierCurve(new double[][] {{0, 0}, {0.2, 0.9}, {0.4, 0.1}, {1, 1}}, 3, false);
        double xMid = 0.125 * 0 + 0.375 * 0.2 + 0.375 * 0.4 + 0.125 * 1;
        double yMid = 0.125 * 0 + 0.375 * 0.9 + 0.375 * 0.1 + 0.125 * 1;
        assertEquals(0, c.xs()[0]);
        assertEquals(xMid, c.xs()[1], 1e-15);
        assertEquals(1, c.xs()[2]);
        // unsorted ys stay in t order: t = 0 gives y = 1, t = 0.5 gives yMid, t = 1 gives 0
        assertEquals(1, c.ys()[0]);
        assertEquals(yMid, c.ys()[1], 1e-15);
        assertEquals(0, c.ys()[2]);
    }

    @Test
    void sortedCurveIncreasesAndInvertedCurveDecreases() {
        BezierCurve up = new BezierCurve(new double[][] {{0, 0}, {0.9, 0.1}, {0.1, 0.9}, {1, 1}}, 5000, true);
        BezierCurve down = new BezierCurve(new double[][] {{0, 0}, {0.3, 0.3}, {0.6, 0.6}, {1, 1}}, 5000, false);
        for (double x = 0; x < 1; x += 0.01) {
            assertTrue(up.map(x + 0.01) >= up.map(x));
            assertTrue(down.map(x + 0.01) <= down.map(x));
        }
        assertEquals(1, down.map(0), 1e-12);
        assertEquals(0, down.map(1), 1e-12);
    }

    @Test
    void bucketedLookupEqualsAPlainLinearScan() {
        BezierCurve c = BezierCurve.gvsl(0.05, 0.95, 0.97, 0.02); // steep parts: many samples per bucket
        double[] xs = c.xs();
        double[] ys = c.ys();
        SplittableRandom rng = new SplittableRandom(9);
        for (int n = 0; n < 2000; n++) {
            double x = n % 10 == 0 ? xs[rng.nextInt(xs.length)] : rng.nextDouble();
            int j = 0;
            while (j + 1 < xs.length && xs[j + 1] <= x) {
                j++;
            }
            double expected = j == xs.length - 1 ? ys[j] : xs[j] == x ? ys[j]
                    : (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]) * (x - xs[j]) + ys[j];
            assertEquals(expected, c.map(x), 0, "x = " + x);
        }
    }

    @Test
    void rejectsBadArguments() {
        String points = assertThrows(IllegalArgumentException.class, () -> new BezierCurve(new double[][] {{0, 0}}, 10, true))
                .getMessage();
        assertTrue(points.contains("at least 2 control points, got 1"), points);
        String samples = assertThrows(IllegalArgumentException.class,
                () -> new BezierCurve(new double[][] {{0, 0}, {1, 1}}, 1, true)).getMessage();
        assertTrue(samples.contains("at least 2 samples, got 1"), samples);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new BezierCurve(new double[][] {{0, 0}, {Double.NaN, 1}}, 10, true)).getMessage().contains("control point 1"));
    }
}
