package org.gvsl.eval.report;

import org.gvsl.eval.stats.MeanSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The summaries of an {@link EvaluationReport} as a text table: per class and overall, each metric's
 * {@code mean ± sd} and under it the confidence interval {@code [lower, upper]} ({@code -} where there is no
 * value; no sd for a single value), then a line naming the undefined and infinite values left out of the means.
 *
 * <pre>
 * class    dice              hd95 mm           ...
 * 1        0.812 ± 0.050     3.210 ± 1.020
 *          [0.761, 0.860]    [2.330, 4.100]
 * overall  ...
 * </pre>
 */
public final class SummaryTable {

    private static final String ROW = "%-9s";
    private static final String CELL = "%-18s";

    private SummaryTable() {
    }

    /** The table, lines ending in a newline. */
    public static String render(EvaluationReport report) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, ROW, "class"));
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            header.append(String.format(Locale.ROOT, CELL, (metric.column() + " " + metric.unit()).trim()));
        }
        StringBuilder out = new StringBuilder(header.toString().stripTrailing()).append(String.format("%n"));
        for (int label : report.classes()) {
            rows(out, Integer.toString(label), metric -> report.perClass(label, metric));
        }
        rows(out, "overall", report::overall);
        List<String> leftOut = new ArrayList<>();
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            MeanSummary s = report.overall(metric);
            if (s.undefined() > 0 || s.infinite() > 0) {
                leftOut.add(metric.column() + " " + (s.undefined() > 0 ? s.undefined() + " undefined" : "")
                        + (s.undefined() > 0 && s.infinite() > 0 ? ", " : "")
                        + (s.infinite() > 0 ? s.infinite() + " infinite" : ""));
            }
        }
        out.append(String.format(Locale.ROOT, "%d case(s); %.0f%% confidence intervals by the percentile bootstrap; "
                + "left out of the means: %s%n", report.cases().size(), 100 * report.bootstrap().level(),
                leftOut.isEmpty() ? "nothing" : String.join("; ", leftOut)));
        return out.toString();
    }

    private static void rows(StringBuilder out, String name, Function<SegmentationMetric, MeanSummary> summaries) {
        StringBuilder means = new StringBuilder(String.format(Locale.ROOT, ROW, name));
        StringBuilder intervals = new StringBuilder(String.format(Locale.ROOT, ROW, ""));
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            MeanSummary s = summaries.apply(metric);
            String mean = Double.isNaN(s.mean()) ? "-" : number(s.mean());
            means.append(String.format(Locale.ROOT, CELL, Double.isNaN(s.standardDeviation()) ? mean
                    : mean + " ± " + number(s.standardDeviation())));
            intervals.append(String.format(Locale.ROOT, CELL, Double.isNaN(s.interval().lower()) ? "-"
                    : "[" + number(s.interval().lower()) + ", " + number(s.interval().upper()) + "]"));
        }
        out.append(means.toString().stripTrailing()).append(String.format("%n"));
        out.append(intervals.toString().stripTrailing()).append(String.format("%n"));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
