package org.gvsl.eval.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassScoresTest {

    private static final double[] SPACING = TwoCases.GEOMETRY.spacing();

    @Test
    void scoresEveryMetricOfAClass() {
        // TwoCases's class comment derives these values
        ClassScores cube = ClassScores.of(TwoCases.predictionA(), TwoCases.truthA(), 1, TwoCases.SHAPE, SPACING);
        assertEquals(new ClassScores(1, 0.75, 2, 9.0 / 14, 0.75, 27.0 / 28, 0.75), cube);
        ClassScores predictedOnly = ClassScores.of(TwoCases.predictionA(), TwoCases.truthA(), 2, TwoCases.SHAPE,
                SPACING);
        assertEquals(new ClassScores(2, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
                511.0 / 512, 0), predictedOnly);
        ClassScores missed = ClassScores.of(TwoCases.truthA(), TwoCases.predictionA(), 2, TwoCases.SHAPE, SPACING);
        assertEquals(new ClassScores(2, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1, Double.NaN),
                missed);
        ClassScores absent = ClassScores.of(TwoCases.caseB(), TwoCases.caseB(), 2, TwoCases.SHAPE, SPACING);
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            assertTrue(Double.isNaN(absent.value(metric)), metric.column());
        }
    }

    @Test
    void valueReadsTheNamedMetric() {
        ClassScores s = new ClassScores(4, 1, 2, 3, 4, 5, 6);
        double expected = 1;
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            assertEquals(expected++, s.value(metric), metric.column());
        }
    }
}
