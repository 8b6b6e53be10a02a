package org.gvsl.train.experiment;

import org.gvsl.core.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment's bar chart ({@value #FILE}): one group of bars per task and protocol, one bar per method, the
 * height the mean test score over seeds (Dice or AUC, both in [0, 1]) and the error bar the 95% t interval (half its
 * width either side: the interval is symmetric). A mean that is undefined is drawn as no bar (height 0), an
 * undefined interval (one seed) as no error bar (XChart takes no missing values). Written atomically.
 */
public final class TransferChart {

    /** The file name in the experiment folder. */
    public static final String FILE = "transfer.png";

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;

    private TransferChart() {
    }

    /** Draws the summary's downstream rows into {@code file}. */
    public static void write(ExperimentSummary summary, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Downstream test scores: mean over seeds, 95% t interval").yAxisTitle("Dice / AUC").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        List<String> groups = new ArrayList<>();
        for (ExperimentSummary.Row r : summary.rows()) {
            String group = group(r);
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        for (Method method : Method.values()) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String group : groups) {
                ExperimentSummary.Row row = summary.rows().stream()
                        .filter(r -> r.method() == method && group(r).equals(group)).findFirst().orElseThrow();
                means.add(Double.isFinite(row.mean()) ? row.mean() : 0.0);
                double upper = row.interval().upper();
                errors.add(Double.isFinite(upper) ? upper - row.mean() : 0.0);
            }
            chart.addSeries(method.label(), groups, means, errors);
        }
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** The bar group: task, protocol and metric, e.g. {@code synthetic structures, linear (Dice)}. */
    static String group(ExperimentSummary.Row r) {
        return r.task().label() + ", " + r.protocol().label() + " (" + SummaryMarkdown.metricName(r.task()) + ")";
    }
}
