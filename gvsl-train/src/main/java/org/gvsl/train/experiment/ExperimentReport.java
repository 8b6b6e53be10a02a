package org.gvsl.train.experiment;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.eval.report.MetricsCsv;
import org.gvsl.eval.stats.ConfidenceInterval;
import org.gvsl.train.config.ConfigJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the experiment's report into its folder, each file atomically, from the outcomes finished so far (so a
 * running experiment's report is always readable):
 * <pre>
 *   results.csv       seed,method,protocol,task,metric,score,best_step,seconds,status: one row per transfer run
 *   cases.csv         seed,method,protocol,task,case,dice: per test case, for the tasks scored per case
 *   registration.csv  seed,model,pair,ncc_before,ncc_after,dice_before,dice_after: per held-out pair
 *   summary.md        the tables ({@link SummaryMarkdown})
 *   summary.json      the same numbers ({@code null} where undefined)
 *   transfer.png      the bar chart ({@link TransferChart})
 * </pre>
 * Values in the CSV files as {@code gvsl evaluate} writes them ({@link MetricsCsv#format}: plain decimals, {@code
 * NaN} where undefined).
 */
public final class ExperimentReport {

    /** The per-run scores. */
    public static final String RESULTS_CSV = "results.csv";
    /** The per-case scores. */
    public static final String CASES_CSV = "cases.csv";
    /** The per-pair registration. */
    public static final String REGISTRATION_CSV = "registration.csv";
    /** The Markdown summary. */
    public static final String SUMMARY_MD = "summary.md";
    /** The JSON summary. */
    public static final String SUMMARY_JSON = "summary.json";

    /** The header of {@value #RESULTS_CSV}. */
    public static final List<String> RESULTS_HEADER = List.of("seed", "method", "protocol", "task", "metric", "score",
            "best_step", "seconds", "status");
    /** The header of {@value #CASES_CSV}. */
    public static final List<String> CASES_HEADER = List.of("seed", "method", "protocol", "task", "case", "dice");
    /** The header of {@value #REGISTRATION_CSV}. */
    public static final List<String> REGISTRATION_HEADER = List.of("seed", "model", "pair", "ncc_before", "ncc_after",
            "dice_before", "dice_after");

    /** The name of the untrained baseline in the registration table. */
    public static final String UNTRAINED = "untrained";

    private ExperimentReport() {
    }

    /**
     * Writes every file of the report.
     *
     * @param dir       the experiment folder
     * @param title     the summary's title
     * @param notes     the summary's lines under the title
     * @param outcomes  the finished sub-runs, in plan order
     * @param baseline  per seed, the untrained model's registration of the held-out pairs
     * @param summary   their summary
     * @return the Markdown summary written
     */
    public static String write(Path dir, String title, List<String> notes, Map<SubRun, Outcome> outcomes,
                               Map<Long, List<Outcome.Registration>> baseline, ExperimentSummary summary)
            throws IOException {
        List<List<String>> results = new ArrayList<>();
        List<List<String>> cases = new ArrayList<>();
        List<List<String>> registration = new ArrayList<>();
        baseline.forEach((seed, pairs) -> pairs.forEach(r -> registration.add(registrationRow(seed, UNTRAINED, r))));
        for (Map.Entry<SubRun, Outcome> e : outcomes.entrySet()) {
            SubRun run = e.getKey();
            if (run instanceof SubRun.Transfer t && e.getValue() instanceof Outcome.Transferred o) {
                results.add(List.of(Long.toString(t.seed()), t.method().id(), t.protocol().id(), t.task().id(),
                        t.task().metric(), MetricsCsv.format(o.score()), Integer.toString(o.bestStep()),
                        MetricsCsv.format(Math.round(o.seconds() * 10) / 10.0), o.status().name().toLowerCase(java.util.Locale.ROOT)));
                if (t.task().scoredPerCase()) {
                    o.cases().forEach((name, dice) -> cases.add(List.of(Long.toString(t.seed()), t.method().id(),
                            t.protocol().id(), t.task().id(), name, MetricsCsv.format(dice))));
                }
            } else if (run instanceof SubRun.Pretraining p && e.getValue() instanceof Outcome.Pretrained o) {
                o.registration().forEach(r -> registration.add(registrationRow(p.seed(), p.method().id(), r)));
            }
        }
        csv(dir.resolve(RESULTS_CSV), RESULTS_HEADER, results);
        csv(dir.resolve(CASES_CSV), CASES_HEADER, cases);
        csv(dir.resolve(REGISTRATION_CSV), REGISTRATION_HEADER, registration);
        String markdown = SummaryMarkdown.render(title, notes, summary);
        AtomicFile.write(dir.resolve(SUMMARY_MD), tmp -> Files.writeString(tmp, markdown, StandardCharsets.UTF_8));
        json(dir.resolve(SUMMARY_JSON), title, notes, summary);
        TransferChart.write(summary, dir.resolve(TransferChart.FILE));
        return markdown;
    }

    private static List<String> registrationRow(long seed, String model, Outcome.Registration r) {
        return List.of(Long.toString(seed), model, r.pair(), MetricsCsv.format(r.nccBefore()),
                MetricsCsv.format(r.nccAfter()), MetricsCsv.format(r.diceBefore()), MetricsCsv.format(r.diceAfter()));
    }

    private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        AtomicFile.write(file, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 SequenceWriter w = new CsvMapper().writer(schema.build()).writeValues(out)) {
                for (List<String> row : rows) {
                    w.write(row);
                }
            }
        });
    }

    private static void json(Path file, String title, List<String> notes, ExperimentSummary summary)
            throws IOException {
        ObjectNode root = ConfigJson.mapper().createObjectNode();
        root.put("title", title);
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        ArrayNode rows = root.putArray("transfer");
        for (ExperimentSummary.Row r : summary.rows()) {
            ObjectNode o = rows.addObject();
            o.put("task", r.task().id());
            o.put("protocol", r.protocol().id());
            o.put("method", r.method().id());
            o.put("metric", r.task().metric());
            ArrayNode scores = o.putArray("scores");
            for (double s : r.scores()) {
                if (Double.isFinite(s)) {
                    scores.add(s);
                } else {
                    scores.addNull();
                }
            }
            o.put("seeds", r.seeds());
            number(o, "mean", r.mean());
            number(o, "sd", r.sd());
            interval(o, "ci", r.interval());
            if (r.vsScratch() != null) {
                ObjectNode c = o.putObject("vsScratch");
                number(c, "difference", r.vsScratch().difference());
                c.put("pairs", r.vsScratch().pairs());
                c.put("over", r.vsScratch().over());
                number(c, "p", r.vsScratch().pValue());
                c.put("test", "Wilcoxon signed-rank, two-sided");
            }
        }
        ArrayNode registration = root.putArray("registration");
        for (ExperimentSummary.RegistrationRow r : summary.registration()) {
            ObjectNode o = registration.addObject();
            o.put("model", r.name());
            o.put("seeds", r.seeds());
            o.put("pairs", r.pairs());
            number(o, "nccBefore", r.nccBefore());
            number(o, "nccAfter", r.nccAfter());
            interval(o, "nccAfterCi", r.nccAfterCi());
            number(o, "diceBefore", r.diceBefore());
            number(o, "diceAfter", r.diceAfter());
            interval(o, "diceAfterCi", r.diceAfterCi());
        }
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, root);
            }
        });
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static void interval(ObjectNode o, String name, ConfidenceInterval ci) {
        if (Double.isFinite(ci.lower())) {
            o.putArray(name).add(ci.lower()).add(ci.upper());
        } else {
            o.putNull(name);
        }
    }
}
