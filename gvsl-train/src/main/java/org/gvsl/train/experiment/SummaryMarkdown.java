package org.gvsl.train.experiment;

import org.gvsl.eval.stats.ConfidenceInterval;

import java.util.List;
import java.util.Locale;

/**
 * The experiment's summary as Markdown ({@code summary.md}, also printed at the end): the downstream table (one
 * row per task, protocol and method: metric, seeds, mean, 95% interval, difference from scratch, Wilcoxon p and
 * what was paired) and the registration table (one row per model: local NCC and label Dice before → after the
 * warp). Scores with three decimals, p-values with three significant digits; {@code n/a} where undefined (no seed
 * finished, or a score undefined in every seed), {@code —} where a column does not apply.
 */
public final class SummaryMarkdown {

    /** The downstream table's header row. */
    public static final String TRANSFER_HEADER = "| task | protocol | method | metric | seeds | mean | 95% CI "
            + "| Δ vs scratch | p (Wilcoxon) | pairs |";
    /** The registration table's header row. */
    public static final String REGISTRATION_HEADER = "| model | seeds | pairs | local NCC before → after "
            + "| 95% CI after | label Dice before → after | 95% CI after |";

    private SummaryMarkdown() {
    }

    /**
     * The whole summary.
     *
     * @param title   the first line's text (what was run)
     * @param notes   lines under the title (budget, time), each its own paragraph line
     */
    public static String render(String title, List<String> notes, ExperimentSummary summary) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (String note : notes) {
            md.append(note).append("  \n");
        }
        md.append("\n## Downstream test scores\n\n").append(transferTable(summary)).append('\n');
        md.append("Mean over seeds of each seed's test score (Dice: mean over test cases of the mean Dice over the"
                + " foreground classes; AUC: ROC-AUC over the test cases), with the 95% Student-t interval over"
                + " seeds. Δ is the mean paired difference from scratch under the same task and protocol; p is the"
                + " two-sided Wilcoxon signed-rank test over the pairs named in the last column.\n");
        md.append("\n## Registration of held-out pairs\n\n").append(registrationTable(summary)).append('\n');
        md.append("Local NCC (1 − the training loss, window 9) and mean label Dice of the moving image against the"
                + " fixed one before the warp, and of the warped image after it; means over the held-out pairs, then"
                + " over seeds. Restoration only has no warp.\n");
        return md.toString();
    }

    /** The downstream table, header first. */
    public static String transferTable(ExperimentSummary summary) {
        StringBuilder md = new StringBuilder(TRANSFER_HEADER).append('\n')
                .append("|---|---|---|---|---:|---:|---|---:|---:|---|\n");
        for (ExperimentSummary.Row r : summary.rows()) {
            ExperimentSummary.Comparison c = r.vsScratch();
            md.append("| ").append(r.task().label()).append(" | ").append(r.protocol().label()).append(" | ")
                    .append(r.method().label()).append(" | ").append(metricName(r.task())).append(" | ")
                    .append(r.seeds()).append(" | ").append(score(r.mean())).append(" | ").append(interval(r.interval()))
                    .append(" | ").append(c == null ? "—" : signed(c.difference())).append(" | ")
                    .append(c == null ? "—" : p(c.pValue())).append(" | ")
                    .append(c == null ? "—" : c.pairs() + " (" + c.over() + ")").append(" |\n");
        }
        return md.toString();
    }

    /** The registration table, header first. */
    public static String registrationTable(ExperimentSummary summary) {
        StringBuilder md = new StringBuilder(REGISTRATION_HEADER).append('\n')
                .append("|---|---:|---:|---|---|---|---|\n");
        for (ExperimentSummary.RegistrationRow r : summary.registration()) {
            md.append("| ").append(r.name()).append(" | ").append(r.seeds()).append(" | ").append(r.pairs())
                    .append(" | ").append(score(r.nccBefore())).append(" → ").append(score(r.nccAfter())).append(" | ")
                    .append(interval(r.nccAfterCi())).append(" | ").append(score(r.diceBefore())).append(" → ")
                    .append(score(r.diceAfter())).append(" | ").append(interval(r.diceAfterCi())).append(" |\n");
        }
        return md.toString();
    }

    /** {@code Dice} or {@code AUC}. */
    static String metricName(DownstreamTask task) {
        return task.metric().equals("auc") ? "AUC" : "Dice";
    }

    /** Three decimals, or {@code n/a}. */
    static String score(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "n/a";
    }

    private static String p(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
    }

    private static String interval(ConfidenceInterval ci) {
        return Double.isFinite(ci.lower()) ? "[" + score(ci.lower()) + ", " + score(ci.upper()) + "]" : "n/a";
    }
}
