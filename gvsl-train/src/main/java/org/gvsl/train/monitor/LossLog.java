package org.gvsl.train.monitor;

import org.gvsl.core.io.AtomicFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-step log of a run, {@code losses.csv}: one row per completed step with every loss term, the step's
 * wall time and the process's resident memory:
 * <pre>
 *   step,loss_ncc,loss_smooth,loss_mse,loss_total,seconds,rss_mb
 *   1,0.8731102,0.01020311,0.04870033,0.9320136,2.031,1034.2
 * </pre>
 * The terms are the graph's ({@link org.gvsl.model.gvsl.GvslGraph#lossNames()}: an ablation has fewer). Each row
 * is flushed as it is written. Resuming keeps the rows up to the checkpoint's step and drops the rest (steps
 * after the checkpoint are trained again, and a killed process may have left half a row).
 */
public final class LossLog implements AutoCloseable {

    /** The file name in the run folder. */
    public static final String FILE = "losses.csv";

    private final BufferedWriter writer;
    private final LossHistory history;

    private LossLog(BufferedWriter writer, LossHistory history) {
        this.writer = writer;
        this.history = history;
    }

    /** Starts a new log with its header (replacing any file there). */
    public static LossLog create(Path file, List<String> terms) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(header(terms));
        w.newLine();
        w.flush();
        return new LossLog(w, new LossHistory(terms));
    }

    /**
     * Continues the log of a run resumed after {@code step}: keeps its well-formed rows of steps {@code 1..step}
     * (rewritten atomically), loads them into the history, and appends from there. A missing file or one with
     * another header starts afresh.
     */
    public static LossLog resume(Path file, List<String> terms, int step) throws IOException {
        LossHistory history = new LossHistory(terms);
        List<String> kept = new ArrayList<>();
        String header = header(terms);
        kept.add(header);
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(header)) {
                int columns = terms.size() + 3;
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    if (f.length != columns) {
                        continue;
                    }
                    try {
                        int s = Integer.parseInt(f[0]);
                        if (s > step || history.size() > 0 && s <= history.lastStep()) {
                            continue;
                        }
                        Map<String, Double> losses = new LinkedHashMap<>();
                        for (int t = 0; t < terms.size(); t++) {
                            losses.put(terms.get(t), Double.parseDouble(f[t + 1]));
                        }
                        Double.parseDouble(f[columns - 2]);
                        Double.parseDouble(f[columns - 1]);
                        history.add(s, losses);
                        kept.add(line);
                    } catch (NumberFormatException e) {
                        // a half-written row of a killed process: dropped
                    }
                }
            }
        }
        AtomicFile.write(file, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new LossLog(w, history);
    }

    private static String header(List<String> terms) {
        return "step," + String.join(",", terms) + ",seconds,rss_mb";
    }

    /**
     * Appends one step's row and adds it to the history.
     *
     * @param seconds  wall time of the step
     * @param rssBytes resident set size after the step (−1 if unknown)
     */
    public void append(int step, Map<String, Double> losses, double seconds, long rssBytes) throws IOException {
        history.add(step, losses);
        StringBuilder row = new StringBuilder().append(step);
        for (String term : history.terms()) {
            row.append(',').append(format(losses.get(term)));
        }
        row.append(String.format(Locale.ROOT, ",%.3f,%.1f", seconds, rssBytes < 0 ? -1.0 : rssBytes / 1e6));
        writer.write(row.toString());
        writer.newLine();
        writer.flush();
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.7g", v) : Double.toString(v);
    }

    /** Every step logged so far (including those kept on resume). */
    public LossHistory history() {
        return history;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
