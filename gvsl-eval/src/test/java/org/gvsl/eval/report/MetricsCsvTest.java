package org.gvsl.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsCsvTest {

    @Test
    void writesTheHeaderAndOneRowPerCaseAndClass(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(TwoCases.evaluated(2).cases(), file);
        List<String> expected = new ArrayList<>(List.of("case,class,dice,hd95,asd,sensitivity,specificity,precision"));
        expected.addAll(List.of(TwoCases.CSV_ROWS));
        assertEquals(expected, Files.readAllLines(file));
    }

    @Test
    void formatsPlainDecimalsThatReadBackExactly() {
        assertEquals("0.8571428571428571", MetricsCsv.format(6.0 / 7));
        assertEquals("0.00001", MetricsCsv.format(1e-5));
        assertEquals("12345678.5", MetricsCsv.format(12345678.5));
        assertEquals("1", MetricsCsv.format(1.0));
        assertEquals("0", MetricsCsv.format(0.0));
        assertEquals("0", MetricsCsv.format(-0.0));
        assertEquals("NaN", MetricsCsv.format(Double.NaN));
        assertEquals("inf", MetricsCsv.format(Double.POSITIVE_INFINITY));
        for (double v : new double[] {Math.PI, 1e-9 / 3, 2.0 / 3e8}) {
            assertEquals(v, Double.parseDouble(MetricsCsv.format(v)));
        }
    }

    @Test
    void quotesACaseNameWithAComma(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(List.of(new CaseScores("x,\"y\"", List.of(new ClassScores(3, 1, 0, 0, 1, 1, 1)))), file);
        assertEquals("\"x,\"\"y\"\"\",3,1,0,0,1,1,1", Files.readAllLines(file).get(1));
    }
}
