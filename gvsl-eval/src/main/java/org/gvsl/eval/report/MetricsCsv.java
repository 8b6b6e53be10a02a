package org.gvsl.eval.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.gvsl.core.io.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: one row per case and class, with the header
 * {@code case,class,dice,hd95,asd,sensitivity,specificity,precision}. {@code case} is the case name, {@code class}
 * the label value, the metrics in plain decimal notation with every digit needed to read back the same double
 * ({@code 0.8571428571428571}, {@code 0.00001}, never an exponent), {@code NaN} where undefined and {@code inf}
 * where infinite. Written with Jackson's CSV writer (a case name with a comma or quote is quoted).
 */
public final class MetricsCsv {

    /** The header, in column order. */
    public static final List<String> HEADER = header();

    private MetricsCsv() {
    }

    /** Writes the rows of {@code cases} to {@code file} atomically. */
    public static void write(List<CaseScores> cases, Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        HEADER.forEach(schema::addColumn);
        AtomicFile.write(file, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(out)) {
                for (CaseScores c : cases) {
                    for (ClassScores s : c.classes()) {
                        List<String> row = new ArrayList<>();
                        row.add(c.caseName());
                        row.add(Integer.toString(s.label()));
                        for (SegmentationMetric metric : SegmentationMetric.values()) {
                            row.add(format(s.value(metric)));
                        }
                        rows.write(row);
                    }
                }
            }
        });
    }

    /**
     * A value as written: {@code NaN}, {@code inf} (or {@code -inf}), else the shortest decimal that reads back
     * as the same double ({@link Double#toString}'s digits), without an exponent and trailing zeros.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static List<String> header() {
        List<String> columns = new ArrayList<>(List.of("case", "class"));
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            columns.add(metric.column());
        }
        return List.copyOf(columns);
    }
}
