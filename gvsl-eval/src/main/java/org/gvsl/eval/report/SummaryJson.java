package org.gvsl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.eval.stats.MeanSummary;
import org.gvsl.eval.stats.PercentileBootstrap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code summary.json}: the summaries of an {@link EvaluationReport}.
 *
 * <pre>{@code
 * {"cases": 3, "classes": [1, 2],
 *  "statistics": "...how NaN and inf enter...",
 *  "confidence_interval": {"method": "percentile bootstrap of the mean", "level": 0.95, "resamples": 10000,
 *                          "seed": 0, "generator": "Well19937c"},
 *  "per_class": {"1": {"dice": {"n": 3, "mean": 0.81, "sd": 0.05, "ci": [0.76, 0.86],
 *                               "undefined": 0, "infinite": 0}, "hd95": {...}, ...}, "2": {...}},
 *  "overall": {"dice": {...}, ...}}
 * }</pre>
 * {@code n} is the number of finite values the statistics are over (overall: of cases), {@code undefined} and
 * {@code infinite} the numbers of NaN and infinite values left out; a statistic that is undefined (no value, or
 * {@code sd} of one value) is {@code null}, so the file is strict JSON.
 */
public final class SummaryJson {

    /** How the statistics treat NaN and infinity, written into the file so that it explains itself. */
    public static final String STATISTICS = "mean, sd (n-1) and ci are over the finite values; undefined (NaN) and "
            + "infinite values are left out and counted. overall: per case the mean of its classes' finite values, "
            + "then over the cases; its n counts cases, its undefined/infinite count (case, class) values.";

    private SummaryJson() {
    }

    /** Writes the summaries of {@code report} to {@code file} atomically. */
    public static void write(EvaluationReport report, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = toJson(report, mapper);
        AtomicFile.write(file, tmp -> mapper.writeValue(tmp.toFile(), json));
    }

    private static ObjectNode toJson(EvaluationReport report, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("cases", report.cases().size());
        ArrayNode classes = root.putArray("classes");
        report.classes().forEach(classes::add);
        root.put("statistics", STATISTICS);
        PercentileBootstrap bootstrap = report.bootstrap();
        ObjectNode ci = root.putObject("confidence_interval");
        ci.put("method", "percentile bootstrap of the mean");
        ci.put("level", bootstrap.level());
        ci.put("resamples", bootstrap.resamples());
        ci.put("seed", bootstrap.seed());
        ci.put("generator", PercentileBootstrap.GENERATOR);
        ObjectNode perClass = root.putObject("per_class");
        for (int label : report.classes()) {
            ObjectNode metrics = perClass.putObject(Integer.toString(label));
            for (SegmentationMetric metric : SegmentationMetric.values()) {
                summary(metrics.putObject(metric.column()), report.perClass(label, metric));
            }
        }
        ObjectNode overall = root.putObject("overall");
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            summary(overall.putObject(metric.column()), report.overall(metric));
        }
        return root;
    }

    private static void summary(ObjectNode node, MeanSummary s) {
        node.put("n", s.n());
        number(node, "mean", s.mean());
        number(node, "sd", s.standardDeviation());
        ArrayNode interval = node.putArray("ci");
        for (double bound : new double[] {s.interval().lower(), s.interval().upper()}) {
            if (Double.isNaN(bound)) {
                interval.addNull();
            } else {
                interval.add(bound);
            }
        }
        node.put("undefined", s.undefined());
        node.put("infinite", s.infinite());
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
