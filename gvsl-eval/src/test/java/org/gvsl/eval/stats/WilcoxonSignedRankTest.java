package org.gvsl.eval.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected p-values computed once with scipy 1.10.1 (Debian's /usr/bin/python3):
 * {@code scipy.stats.wilcoxon(a, b, method=...)}, {@code zero_method="wilcox"}, {@code correction=True} for
 * "approx"; scipy reports {@code T = min(W+, W−)}, our statistic is {@code max = n(n+1)/2 − T}.
 */
class WilcoxonSignedRankTest {

    /* All 5 differences positive: W = 15, only 1 of the 32 sign patterns reaches it on each side: p = 2/32. */
    @Test
    void allPositiveDifferencesByHand() {
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(new double[] {1, 2, 3, 4, 5}, new double[5]);
        assertEquals(15.0, r.statistic());
        assertEquals(0.0625, r.pValue(), 1e-15);
        assertTrue(r.exact());
    }

    /* Differences 2, 7, −1, 8, 5, −3, 6, −4 (no ties): exact; scipy T = 8, p = 0.1953125 = 50/256. */
    @Test
    void exactWithoutTies() {
        double[] a = {12, 15, 9, 20, 14, 11, 18, 16};
        double[] b = {10, 8, 10, 12, 9, 14, 12, 20};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(a, b);
        assertEquals(36 - 8, r.statistic());
        assertEquals(0.1953125, r.pValue(), 1e-15);
        assertTrue(r.exact());
        assertEquals(8, r.nonZero());
    }

    /* Differences 1, 1, 2, 2, −2, 2, 2, −1, 3, 3 (tied): normal approximation; scipy T = 8. */
    @Test
    void tiesUseTheCorrectedNormalApproximation() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] b = {0, 1, 1, 2, 7, 4, 5, 9, 6, 7};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(a, b);
        assertEquals(55 - 8, r.statistic());
        assertEquals(0.04896624231453171, r.pValue(), 1e-12);
        assertFalse(r.exact());
    }

    /* Differences 0, 1, −1, 2, 0, 4, 0, 4, 0, −1, 4, −3: the 4 zeros are dropped, n = 8; scipy T = 9. */
    @Test
    void zeroDifferencesAreDropped() {
        double[] a = {3, 5, 5, 8, 2, 9, 4, 7, 6, 1, 5, 5};
        double[] b = {3, 4, 6, 6, 2, 5, 4, 3, 6, 2, 1, 8};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(a, b);
        assertEquals(12, r.pairs());
        assertEquals(8, r.nonZero());
        assertEquals(36 - 9, r.statistic());
        assertEquals(0.22933194239164756, r.pValue(), 1e-12);
        WilcoxonSignedRank.Result same = WilcoxonSignedRank.test(a, a);
        assertEquals(0, same.nonZero());
        assertEquals(1.0, same.pValue());
    }

    /* 25 pairs without ties (above the exact limit): scipy T = 65. */
    @Test
    void manyPairsUseTheNormalApproximation() {
        double[] x = {0.548814, 0.715189, 0.602763, 0.544883, 0.423655, 0.645894, 0.437587, 0.891773, 0.963663,
                0.383442, 0.791725, 0.528895, 0.568045, 0.925597, 0.071036, 0.087129, 0.020218, 0.83262, 0.778157,
                0.870012, 0.978618, 0.799159, 0.461479, 0.780529, 0.118274};
        double[] y = {0.64079, 0.658195, 0.786164, 0.601437, 0.448054, 0.625261, 0.569857, 0.928618, 1.034193,
                0.289079, 0.877016, 0.612524, 0.653125, 1.108721, 0.175582, 0.094981, 0.051328, 0.941909, 0.696225,
                0.970042, 1.079809, 0.762274, 0.400157, 0.775158, 0.127387};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(x, y);
        assertEquals(325 - 65, r.statistic());
        assertEquals(0.009055004653889817, r.pValue(), 1e-12);
        assertFalse(r.exact());
    }

    @Test
    void rejectsBadInput() {
        assertMessage("values of the same cases: 2 and 3 values", new double[2], new double[3]);
        assertMessage("at least one pair", new double[0], new double[0]);
        assertMessage("pair 1 is (NaN, 2.0)", new double[] {1, Double.NaN}, new double[] {1, 2});
    }

    private static void assertMessage(String expected, double[] a, double[] b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.test(a, b));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
