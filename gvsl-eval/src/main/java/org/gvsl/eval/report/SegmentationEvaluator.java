package org.gvsl.eval.report;

import org.gvsl.eval.stats.PercentileBootstrap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Scores cases one at a time and collects them into an {@link EvaluationReport}: the accumulator behind
 * {@code gvsl evaluate}, and what a training run calls on its test predictions.
 *
 * <p>Which classes a case is scored on: with {@link Builder#optClasses(int) K classes}, 1..K (a label above K is an
 * error), so a class absent from both maps gets a row of NaN; without, every non-zero label found in either map of
 * that case. Distances use the truth's spacing; the two maps must be on the same grid
 * ({@link LabelMap#requireSameGrid}).
 *
 * <pre>{@code
 * SegmentationEvaluator evaluator = SegmentationEvaluator.builder().optClasses(3).build();
 * for (LabelMapPair pair : LabelMapPair.match(predictions, labels)) {
 *     evaluator.add(pair);
 * }
 * EvaluationReport report = evaluator.report();
 * report.write(outDir);
 * System.out.print(report.table());
 * }</pre>
 */
public final class SegmentationEvaluator {

    private final Integer classes;
    private final PercentileBootstrap bootstrap;
    private final List<CaseScores> cases = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private SegmentationEvaluator(Builder b) {
        this.classes = b.classes;
        this.bootstrap = b.bootstrap;
    }

    /** A builder: classes found in the maps, {@link PercentileBootstrap#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a pair of files ({@link LabelMap#read}) and scores it under its case name.
     *
     * @throws EvaluationInputException naming the file that cannot be read, is not a label map, is on another grid
     *                                  or has a label above the classes
     */
    public CaseScores add(LabelMapPair pair) throws EvaluationInputException {
        return add(pair.caseName(), LabelMap.read(pair.prediction()), LabelMap.read(pair.truth()));
    }

    /**
     * Scores one case.
     *
     * @param caseName   the case's name in the report, unique
     * @param prediction the predicted labels
     * @param truth      the true labels
     * @return the case's scores, also kept for the report
     * @throws EvaluationInputException naming the prediction's source when the grids differ, or the map with a label
     *                                  above the classes
     * @throws IllegalArgumentException when a case of that name was added before
     */
    public CaseScores add(String caseName, LabelMap prediction, LabelMap truth) throws EvaluationInputException {
        if (names.contains(caseName)) {
            throw new IllegalArgumentException("case '" + caseName + "' was added before");
        }
        prediction.requireSameGrid(truth);
        SortedSet<Integer> labels;
        if (classes != null) {
            prediction.requireLabelsUpTo(classes);
            truth.requireLabelsUpTo(classes);
            labels = new TreeSet<>(IntStream.rangeClosed(1, classes).boxed().toList());
        } else {
            labels = prediction.foregroundLabels();
            labels.addAll(truth.foregroundLabels());
        }
        double[] spacing = truth.geometry().spacing();
        List<ClassScores> scores = new ArrayList<>();
        for (int label : labels) {
            scores.add(ClassScores.of(prediction.labels, truth.labels, label, truth.shape(), spacing));
        }
        CaseScores result = new CaseScores(caseName, scores);
        cases.add(result);
        names.add(caseName);
        return result;
    }

    /** The scores of the cases added so far, in the order they were added. */
    public List<CaseScores> cases() {
        return List.copyOf(cases);
    }

    /**
     * The report of the cases added so far, over every class scored in some case (1..K with K classes).
     *
     * @throws IllegalStateException when no case was added
     */
    public EvaluationReport report() {
        if (cases.isEmpty()) {
            throw new IllegalStateException("no case was evaluated");
        }
        SortedSet<Integer> labels = new TreeSet<>();
        cases.forEach(c -> c.classes().forEach(s -> labels.add(s.label())));
        return new EvaluationReport(cases, List.copyOf(labels), bootstrap);
    }

    /** Options of a {@link SegmentationEvaluator}. */
    public static final class Builder {
        private Integer classes;
        private PercentileBootstrap bootstrap = PercentileBootstrap.DEFAULT;

        private Builder() {
        }

        /** Score classes 1..K in every case (default: the non-zero labels found in each case). */
        public Builder optClasses(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("classes must be >= 1, got " + k);
            }
            this.classes = k;
            return this;
        }

        /** How the confidence intervals are computed (default {@link PercentileBootstrap#DEFAULT}). */
        public Builder optBootstrap(PercentileBootstrap bootstrap) {
            this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
            return this;
        }

        /** The configured evaluator. */
        public SegmentationEvaluator build() {
            return new SegmentationEvaluator(this);
        }
    }
}
