package org.gvsl.eval.report;

import org.gvsl.eval.stats.MeanSummary;
import org.gvsl.eval.stats.PercentileBootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a set of cases and their summaries, per class and overall, made by a
 * {@link SegmentationEvaluator}.
 *
 * <p>Per class and metric: the {@link MeanSummary} of that class's values over the cases (NaN and {@code +∞}
 * counted and left out). Overall, per metric (spec §7: the mean over classes, then over cases): each case's value
 * is the mean of its classes' finite values ({@link #caseMeans}), and the summary is over the cases with one; its
 * {@code n} counts those cases, its {@code undefined} and {@code infinite} count the (case, class) values left out.
 */
public final class EvaluationReport {

    /** The file of per-case, per-class scores. */
    public static final String METRICS_CSV = "metrics.csv";
    /** The file of summaries. */
    public static final String SUMMARY_JSON = "summary.json";

    private final List<CaseScores> cases;
    private final List<Integer> classes;
    private final PercentileBootstrap bootstrap;
    private final Map<Integer, Map<SegmentationMetric, MeanSummary>> perClass = new LinkedHashMap<>();
    private final Map<SegmentationMetric, MeanSummary> overall = new EnumMap<>(SegmentationMetric.class);

    EvaluationReport(List<CaseScores> cases, List<Integer> classes, PercentileBootstrap bootstrap) {
        this.cases = List.copyOf(cases);
        this.classes = List.copyOf(classes);
        this.bootstrap = bootstrap;
        for (int label : classes) {
            Map<SegmentationMetric, MeanSummary> summaries = new EnumMap<>(SegmentationMetric.class);
            for (SegmentationMetric metric : SegmentationMetric.values()) {
                summaries.put(metric, MeanSummary.of(classValues(label, metric), bootstrap));
            }
            perClass.put(label, summaries);
        }
        for (SegmentationMetric metric : SegmentationMetric.values()) {
            MeanSummary overCases = MeanSummary.of(caseMeans(metric), bootstrap);
            int undefined = 0;
            int infinite = 0;
            for (int label : classes) {
                undefined += perClass.get(label).get(metric).undefined();
                infinite += perClass.get(label).get(metric).infinite();
            }
            overall.put(metric, new MeanSummary(overCases.n(), overCases.mean(), overCases.standardDeviation(),
                    overCases.interval(), undefined, infinite));
        }
    }

    /** The cases, in the order they were evaluated. */
    public List<CaseScores> cases() {
        return cases;
    }

    /** The classes summarised, ascending. */
    public List<Integer> classes() {
        return classes;
    }

    /** How the confidence intervals were computed. */
    public PercentileBootstrap bootstrap() {
        return bootstrap;
    }

    /**
     * The summary of one class and metric.
     *
     * @throws IllegalArgumentException for a class that was not evaluated
     */
    public MeanSummary perClass(int label, SegmentationMetric metric) {
        Map<SegmentationMetric, MeanSummary> summaries = perClass.get(label);
        if (summaries == null) {
            throw new IllegalArgumentException("class " + label + " was not evaluated; the classes are " + classes);
        }
        return summaries.get(metric);
    }

    /** The overall summary of one metric: over cases of their class means. */
    public MeanSummary overall(SegmentationMetric metric) {
        return overall.get(metric);
    }

    /**
     * One value per case, in case order: its value of {@code metric} for class {@code label}, NaN where the case
     * has no row for the class (without a fixed number of classes, a class in neither map).
     */
    public double[] classValues(int label, SegmentationMetric metric) {
        return cases.stream().mapToDouble(c -> c.classes().stream().filter(s -> s.label() == label)
                .mapToDouble(s -> s.value(metric)).findFirst().orElse(Double.NaN)).toArray();
    }

    /**
     * One value per case, in case order: the mean of its classes' finite values of {@code metric} (NaN when it has
     * none). These are the values of the overall summary, and what a paired test of two methods compares.
     */
    public double[] caseMeans(SegmentationMetric metric) {
        return cases.stream().mapToDouble(c -> Arrays.stream(c.classes().stream().mapToDouble(s -> s.value(metric))
                .filter(Double::isFinite).toArray()).average().orElse(Double.NaN)).toArray();
    }

    /**
     * Writes {@value #METRICS_CSV} and {@value #SUMMARY_JSON} into {@code folder} (created), each atomically.
     *
     * @throws IOException when a file cannot be written
     */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        MetricsCsv.write(cases, folder.resolve(METRICS_CSV));
        SummaryJson.write(this, folder.resolve(SUMMARY_JSON));
    }

    /** The summaries as a readable table ({@link SummaryTable}). */
    public String table() {
        return SummaryTable.render(this);
    }
}
