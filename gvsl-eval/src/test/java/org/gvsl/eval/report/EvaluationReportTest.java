package org.gvsl.eval.report;

import org.gvsl.eval.stats.ConfidenceInterval;
import org.gvsl.eval.stats.MeanSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    @Test
    void summarisesEachClassOverCases() throws Exception {
        EvaluationReport report = TwoCases.evaluated(2).report();
        // class 1 Dice: 0.75 and 1; sd sqrt(2·0.125²); with two values the bootstrap's 2.5% and 97.5% quantiles are
        // the two values (each is the mean of about a quarter of the resamples)
        MeanSummary dice = report.perClass(1, SegmentationMetric.DICE);
        assertEquals(2, dice.n());
        assertEquals(0.875, dice.mean(), 1e-15);
        assertEquals(Math.sqrt(2 * 0.125 * 0.125), dice.standardDeviation(), 1e-15);
        assertEquals(new ConfidenceInterval(0.75, 1, 0.95), dice.interval());
        // class 2 Dice: 0 and NaN (absent from case b)
        MeanSummary dice2 = report.perClass(2, SegmentationMetric.DICE);
        assertEquals(1, dice2.n());
        assertEquals(0.0, dice2.mean());
        assertEquals(1, dice2.undefined());
        // class 2 HD95: inf and NaN, nothing left
        MeanSummary hd2 = report.perClass(2, SegmentationMetric.HD95);
        assertEquals(0, hd2.n());
        assertTrue(Double.isNaN(hd2.mean()));
        assertEquals(1, hd2.undefined());
        assertEquals(1, hd2.infinite());
        assertArrayEquals(new double[] {INF, NAN}, report.classValues(2, SegmentationMetric.HD95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> report.perClass(5, SegmentationMetric.DICE));
        assertTrue(e.getMessage().contains("class 5 was not evaluated; the classes are [1, 2]"), e.getMessage());
    }

    @Test
    void overallIsTheMeanOverClassesThenOverCases() throws Exception {
        EvaluationReport report = TwoCases.evaluated(2).report();
        // Dice per case: a (0.75 + 0) / 2, b 1 (class 2 undefined)
        assertArrayEquals(new double[] {0.375, 1}, report.caseMeans(SegmentationMetric.DICE), 1e-15);
        MeanSummary dice = report.overall(SegmentationMetric.DICE);
        assertEquals(2, dice.n());
        assertEquals(0.6875, dice.mean(), 1e-15);
        assertEquals(0.3125 * Math.sqrt(2), dice.standardDeviation(), 1e-15);
        assertEquals(1, dice.undefined());
        assertEquals(0, dice.infinite());
        // HD95 per case: a 2 (class 2 infinite, left out), b 0
        assertArrayEquals(new double[] {2, 0}, report.caseMeans(SegmentationMetric.HD95), 1e-15);
        MeanSummary hd = report.overall(SegmentationMetric.HD95);
        assertEquals(1.0, hd.mean(), 1e-15);
        assertEquals(1, hd.undefined());
        assertEquals(1, hd.infinite());
        assertEquals(2, report.overall(SegmentationMetric.SENSITIVITY).undefined());
    }

    @Test
    void withoutFixedClassesAMissingRowIsNaN() throws Exception {
        EvaluationReport report = TwoCases.evaluated(0).report();
        assertArrayEquals(new double[] {0, NAN}, report.classValues(2, SegmentationMetric.DICE));
        assertEquals(1, report.perClass(2, SegmentationMetric.DICE).undefined());
    }

    @Test
    void writesBothFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("eval/out");
        TwoCases.evaluated(2).report().write(out);
        assertTrue(Files.readString(out.resolve(EvaluationReport.METRICS_CSV)).startsWith("case,class,dice,"));
        assertTrue(Files.readString(out.resolve(EvaluationReport.SUMMARY_JSON)).contains("\"per_class\""));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
