package org.gvsl.train.monitor;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The progress bar of a run: steps done of all, elapsed time and ETA, and the latest loss terms, seconds per step
 * and resident memory, e.g.
 * <pre>
 *   pretrain  41% [=====>       ]  98/240 (0:03:12 / 0:04:38) ncc 0.412 smooth 0.00210 mse 0.0113 total 0.426 | 1.91 s/step | rss 1.0 GB
 * </pre>
 * On a terminal it redraws in place every second; otherwise (a pipe, a file, an IDE console without a terminal)
 * it prints one such line every {@value #LINE_INTERVAL_SECONDS} seconds. The ETA counts the time before a resume.
 */
public final class ProgressDisplay implements AutoCloseable {

    /** Seconds between lines when not on a terminal. */
    static final int LINE_INTERVAL_SECONDS = 15;
    private static final int MAX_WIDTH = 160;

    private final ProgressBar bar;
    private boolean closed;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts the display.
     *
     * @param done        steps already completed (a resumed run)
     * @param total       steps of the whole run
     * @param elapsed     training time already spent on the completed steps
     * @param stream      where to draw (standard error)
     * @param interactive whether {@code stream} is a terminal that understands carriage returns
     */
    public static ProgressDisplay start(int done, int total, Duration elapsed, PrintStream stream, boolean interactive) {
        return start("pretrain", done, total, elapsed, stream, interactive);
    }

    /** As {@link #start(int, int, Duration, PrintStream, boolean)}, the bar named {@code task} (e.g. {@code finetune}). */
    public static ProgressDisplay start(String task, int done, int total, Duration elapsed, PrintStream stream,
                                        boolean interactive) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(MAX_WIDTH).startsFrom(done, elapsed);
        if (interactive) {
            builder.setUpdateIntervalMillis(1000).setConsumer(new ConsoleProgressBarConsumer(stream, MAX_WIDTH));
        } else {
            builder.setUpdateIntervalMillis(LINE_INTERVAL_SECONDS * 1000)
                    .setConsumer(new DelegatingProgressBarConsumer(stream::println, MAX_WIDTH));
        }
        return new ProgressDisplay(builder.build());
    }

    /** Records a completed step. */
    public void step(int step, Map<String, Double> losses, double seconds, long rssBytes) {
        bar.stepTo(step);
        bar.setExtraMessage(message(losses, seconds, rssBytes));
    }

    /** The text after the bar: each term without its {@code loss_} prefix, the step time and the memory. */
    static String message(Map<String, Double> losses, double seconds, long rssBytes) {
        String terms = losses.entrySet().stream()
                .map(e -> e.getKey().replaceFirst("^loss_", "") + " " + String.format(Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "%s | %.2f s/step | rss %.1f GB", terms, seconds, rssBytes / 1e9);
    }

    /** Draws the final state and stops redrawing; later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
