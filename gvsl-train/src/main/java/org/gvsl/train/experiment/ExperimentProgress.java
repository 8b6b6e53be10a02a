package org.gvsl.train.experiment;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's progress: one line per sub-run as it ends (or is found done), with its result, its time, the
 * time so far and an estimate of the time left, e.g.
 * <pre>
 * [ 7/57] seed 1 · GVSL · linear · synthetic structures: test Dice 0.612 (41s) · elapsed 6m 02s, ETA 1h 04m
 * </pre>
 * The estimate sums, over the sub-runs left, the mean wall time of the finished sub-runs of the same {@link
 * SubRun#kind() kind} (this session's and earlier ones'); a kind not seen yet counts as the mean of all seen.
 */
final class ExperimentProgress {

    private final List<SubRun> plan;
    private final PrintStream out;
    private final Map<String, double[]> secondsByKind = new HashMap<>();   // {sum, count}
    private final long start = System.nanoTime();
    private int done;

    ExperimentProgress(List<SubRun> plan, PrintStream out) {
        this.plan = List.copyOf(plan);
        this.out = out;
    }

    /**
     * Prints the line of a sub-run that has ended.
     *
     * @param what    its result, e.g. {@code test Dice 0.612}
     * @param seconds its wall time
     * @param earlier whether it was done in an earlier session (found recorded)
     */
    void ended(SubRun run, String what, double seconds, boolean earlier) {
        double[] kind = secondsByKind.computeIfAbsent(run.kind(), k -> new double[2]);
        kind[0] += seconds;
        kind[1]++;
        done++;
        int width = Integer.toString(plan.size()).length();
        String time = earlier ? "done earlier" : format(seconds);
        out.printf(Locale.ROOT, "[%" + width + "d/%d] %s: %s (%s) · elapsed %s, ETA %s%n", done, plan.size(),
                run.label(), what, time, format(elapsedSeconds()), eta());
        out.flush();
    }

    /** Wall seconds of this session so far. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The estimated time left, or {@code unknown} before the first sub-run of this session ends. */
    String eta() {
        double sum = 0;
        double count = 0;
        for (double[] k : secondsByKind.values()) {
            sum += k[0];
            count += k[1];
        }
        if (count == 0) {
            return "unknown";
        }
        double overall = sum / count;
        double left = 0;
        for (SubRun run : plan.subList(done, plan.size())) {
            double[] k = secondsByKind.get(run.kind());
            left += k == null ? overall : k[0] / k[1];
        }
        return format(left);
    }

    /** e.g. {@code 7m 12s}, {@code 1h 02m}, {@code 3.4s}. */
    static String format(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
    }
}
