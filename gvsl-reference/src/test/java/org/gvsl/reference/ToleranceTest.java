package org.gvsl.reference;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToleranceTest {

    private static INDArray of(double... values) {
        return Nd4j.createFromArray(values);
    }

    @Test
    void anErrorOfExactlyAtolPlusRtolTimesExpectedPassesAndOneUlpMoreFailsOnBothSides() {
        // expected 1, atol 0.25, rtol 0.5: allowed 0.75, all exactly representable.
        Tolerance tolerance = new Tolerance(0.25, 0.5);
        Tolerance.Comparison above = tolerance.compare(of(1.75), of(1.0));
        assertTrue(above.passed());
        assertEquals(0.75, above.maxError());
        assertEquals(1.0, above.fractionOfTolerance());
        assertFalse(tolerance.compare(of(Math.nextUp(1.75)), of(1.0)).passed());

        Tolerance.Comparison below = tolerance.compare(of(0.25), of(1.0));
        assertTrue(below.passed());
        assertEquals(1.0, below.fractionOfTolerance());
        // One ulp of the error (0.75), not of 0.25, whose ulp the subtraction would round away.
        assertFalse(tolerance.compare(of(0.25 - Math.ulp(0.75)), of(1.0)).passed());
    }

    @Test
    void theRelativePartScalesWithTheExpectedMagnitudeNotTheActual() {
        // atol 0, rtol 1e-3 around -1000: allowed 1 on either side.
        Tolerance tolerance = new Tolerance(0, 1e-3);
        assertTrue(tolerance.compare(of(-1001), of(-1000)).passed());
        assertTrue(tolerance.compare(of(-999), of(-1000)).passed());
        assertFalse(tolerance.compare(of(Math.nextDown(-1001.0)), of(-1000)).passed());
        // Around zero only atol counts: with atol 0 any difference fails.
        assertFalse(tolerance.compare(of(1e-300), of(0)).passed());
    }

    @Test
    void theWorstElementSetsTheFractionAndTheLargestErrorIsReportedWithAtol() {
        Tolerance tolerance = new Tolerance(0.5, 0);
        Tolerance.Comparison c = tolerance.compare(of(0.25, 10.0, 5.375), of(0.0, 10.0, 5.0));
        assertEquals(0.375, c.maxError());
        assertEquals(0.75, c.fractionOfTolerance());
        assertEquals(0.5, c.atol());
        assertTrue(c.passed());
    }

    @Test
    void valuesAreComparedInDoublePrecisionWhateverTheirTypes() {
        // 0.1f is 0.100000001490116…: 1.49e-9 from the double 0.1, more than an atol of 1e-9 allows.
        INDArray single = Nd4j.createFromArray(0.1f);
        Tolerance.Comparison c = new Tolerance(1e-9, 0).compare(single, of(0.1));
        assertEquals((double) 0.1f - 0.1, c.maxError(), 1e-20);
        assertFalse(c.passed());
        assertTrue(new Tolerance(2e-9, 0).compare(single, of(0.1)).passed());
    }

    @Test
    void aNanIsEqualOnlyToANan() {
        Tolerance tolerance = new Tolerance(1e-6, 1e-6);
        Tolerance.Comparison both = tolerance.compare(of(Double.NaN, 1.0), of(Double.NaN, 1.0));
        assertTrue(both.passed());
        assertEquals(0.0, both.maxError());

        Tolerance.Comparison expectedNan = tolerance.compare(of(0.0), of(Double.NaN));
        assertFalse(expectedNan.passed());
        assertEquals(Double.POSITIVE_INFINITY, expectedNan.fractionOfTolerance());
        assertFalse(tolerance.compare(of(Double.NaN), of(0.0)).passed());
    }

    @Test
    void nonFiniteActualValuesFailAndAnInfinityMatchesOnlyItself() {
        Tolerance generous = new Tolerance(1e300, 1);
        Tolerance.Comparison infinite = generous.compare(of(1, Double.POSITIVE_INFINITY), of(1, 2));
        assertFalse(infinite.passed());
        assertEquals(Double.POSITIVE_INFINITY, infinite.maxError());
        assertFalse(generous.compare(of(Double.NEGATIVE_INFINITY), of(-1e300)).passed());

        assertTrue(generous.compare(of(Double.POSITIVE_INFINITY), of(Double.POSITIVE_INFINITY)).passed());
        assertFalse(generous.compare(of(Double.NEGATIVE_INFINITY), of(Double.POSITIVE_INFINITY)).passed());
        assertFalse(generous.compare(of(0), of(Double.POSITIVE_INFINITY)).passed());
    }

    @Test
    void anExactToleranceFailsAnyDifference() {
        Tolerance exact = new Tolerance(0, 0);
        assertTrue(exact.compare(of(3, -2), of(3, -2)).passed());
        Tolerance.Comparison off = exact.compare(of(Math.nextUp(3.0)), of(3));
        assertFalse(off.passed());
        assertEquals(Double.POSITIVE_INFINITY, off.fractionOfTolerance());
    }

    @Test
    void shapesMustMatchEvenWithTheSameNumberOfElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tolerance(1, 1).compare(Nd4j.zeros(2, 3), Nd4j.zeros(3, 2)));
        assertEquals("shape mismatch: actual [2, 3] vs expected [3, 2]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1, 1).compare(Nd4j.zeros(6), Nd4j.zeros(2, 3)));
    }

    @Test
    void aToleranceMustBeFiniteAndNonNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1e-6, 0));
        assertTrue(e.getMessage().contains("atol=-1.0E-6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.NaN));
        assertTrue(e.getMessage().contains("rtol=NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(Double.POSITIVE_INFINITY, 0));
        assertTrue(e.getMessage().contains("atol=Infinity"), e.getMessage());
    }

    @Test
    void theFloat64RuleScalesAtolWithTheLargestMagnitudeButNotBelowOne() {
        Tolerance large = Tolerance.relativeToMax(1e-10, 1e-9, of(3, -50, 7));
        assertEquals(5e-9, large.atol(), 1e-24);
        assertEquals(1e-9, large.rtol());
        assertEquals(1e-10, Tolerance.relativeToMax(1e-10, 1e-9, of(0.5, -0.25)).atol());
        assertEquals(1e-10, Tolerance.relativeToMax(1e-10, 1e-9, Nd4j.empty()).atol());
    }
}
