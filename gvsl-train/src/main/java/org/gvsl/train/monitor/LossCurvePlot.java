package org.gvsl.train.monitor;

import org.gvsl.core.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss curve of a run as a PNG ({@code loss-curve.png}): one panel per loss term against the step, each with
 * its own y scale; four panels (the full model's terms) in a 2×2 grid, fewer in one row. More than {@value #MAX_POINTS} steps are shown as the means of equal runs of
 * consecutive steps; non-finite values are left out. Written atomically ({@link AtomicFile}), so a viewer never
 * sees half a file.
 */
public final class LossCurvePlot {

    /** The file name in the run folder. */
    public static final String FILE = "loss-curve.png";
    /** Most points drawn per term. */
    static final int MAX_POINTS = 1000;

    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 320;

    private LossCurvePlot() {
    }

    /** Draws the history into {@code file}; nothing is written for an empty history. */
    public static void write(LossHistory history, Path file) throws IOException {
        if (history.size() == 0) {
            return;
        }
        List<XYChart> panels = new ArrayList<>();
        int[] steps = history.steps();
        for (String term : history.terms()) {
            double[][] xy = bucketMeans(steps, history.values(term));
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(term)
                    .xAxisTitle("step").yAxisTitle(term).build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setChartTitleVisible(true);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.getStyler().setXAxisDecimalPattern("#");
            if (xy[0].length > 0) {
                XYSeries series = chart.addSeries(term, xy[0], xy[1]);
                series.setMarker(xy[0].length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
            panels.add(chart);
        }
        int cols = panels.size() == 4 ? 2 : panels.size();
        int rows = panels.size() / cols;
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(panels, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /**
     * The finite points of one term, reduced to at most {@link #MAX_POINTS} by averaging runs of {@code
     * ceil(n / MAX_POINTS)} consecutive steps (x = mean step of the run).
     *
     * @return {@code {x, y}}
     */
    static double[][] bucketMeans(int[] steps, double[] values) {
        int n = steps.length;
        int run = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> points = new ArrayList<>();
        for (int from = 0; from < n; from += run) {
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (int i = from; i < Math.min(n, from + run); i++) {
                if (Double.isFinite(values[i])) {
                    sx += steps[i];
                    sy += values[i];
                    count++;
                }
            }
            if (count > 0) {
                points.add(new double[] {sx / count, sy / count});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }
}
