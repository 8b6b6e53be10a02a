package org.gvsl.train.monitor;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each loss term moved over a run: the mean of the first and of the last {@code k} steps (default
 * {@value #WINDOW}; fewer when the run is shorter than 2k, so the two windows never overlap).
 *
 * @param window steps averaged at each end
 * @param first  mean of each term over the first {@code window} steps
 * @param last   mean of each term over the last {@code window} steps
 */
public record LossSummary(int window, Map<String, Double> first, Map<String, Double> last) {

    /** Steps averaged at each end of a run. */
    public static final int WINDOW = 20;

    /** The summary of a history with windows of {@value #WINDOW} steps (or half the run, if shorter). */
    public static LossSummary of(LossHistory history) {
        int k = Math.max(1, Math.min(WINDOW, history.size() / 2));
        return new LossSummary(k, history.mean(k, false), history.mean(k, true));
    }

    /** Whether every term's last-window mean is below its first-window mean. */
    public boolean allFell() {
        return !first.isEmpty() && first.keySet().stream().allMatch(t -> last.get(t) < first.get(t));
    }

    /** e.g. {@code ncc 0.871 → 0.402, smooth 0.0102 → 0.00213, …} (first → last {@code window}-step means). */
    public String describe() {
        return first.keySet().stream()
                .map(t -> String.format(Locale.ROOT, "%s %.4g → %.4g", t.replaceFirst("^loss_", ""), first.get(t),
                        last.get(t)))
                .collect(Collectors.joining(", "));
    }
}
