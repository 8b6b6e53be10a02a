package org.gvsl.train.experiment;

import org.gvsl.eval.stats.ConfidenceInterval;
import org.gvsl.eval.stats.StudentInterval;
import org.gvsl.eval.stats.WilcoxonSignedRank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The numbers of the experiment's report, from the outcomes of its sub-runs (those finished so far).
 *
 * <p><b>Per task, protocol and method</b> ({@link Row}): the test score of each seed (mean Dice over the test
 * cases, or the ROC-AUC), their mean, sample standard deviation and 95% {@link StudentInterval} over the seeds
 * (seeds whose score is undefined left out), and, for each pre-trained method, the comparison with scratch under
 * the same task and protocol ({@link Comparison}): the two-sided {@link WilcoxonSignedRank} test over the pairs
 * (seed, test case) of per-case Dice where the task is scored per case, else over the seeds' scores; pairs with an
 * undefined value on either side are left out.
 *
 * <p><b>Per method, registration</b> ({@link RegistrationRow}): the mean over its seeds of the mean over the
 * held-out pairs of local NCC and label Dice, before and after the warp, with the t interval over the seeds of the
 * values after.
 *
 * @param rows         task by task (in the plan's order), then protocol, then method
 * @param registration one per method that registers (and the untrained baseline when measured), in method order
 */
public record ExperimentSummary(List<Row> rows, List<RegistrationRow> registration) {

    /**
     * One method under one task and protocol.
     *
     * @param task      the task
     * @param protocol  linear or fine-tuning
     * @param method    the method
     * @param scores    the score of each seed whose run completed, in seed order (NaN where undefined)
     * @param seeds     the seeds whose score is defined
     * @param mean      their mean score
     * @param sd        their sample standard deviation (NaN for fewer than 2)
     * @param interval  the 95% t interval of the mean
     * @param vsScratch the comparison with scratch, null for scratch itself
     */
    public record Row(DownstreamTask task, Protocol protocol, Method method, double[] scores, int seeds, double mean,
                      double sd, ConfidenceInterval interval, Comparison vsScratch) {
    }

    /**
     * A pre-trained method against scratch.
     *
     * @param difference the mean of the paired differences (method − scratch); NaN without pairs
     * @param pairs      the pairs compared
     * @param pValue     the two-sided Wilcoxon signed-rank p-value; NaN without pairs
     * @param over       what a pair is: {@code seed × case} or {@code seed}
     */
    public record Comparison(double difference, int pairs, double pValue, String over) {
    }

    /**
     * How well a method's pre-trained model registers the held-out pairs.
     *
     * @param name       the method's label (or {@code untrained} for the baseline)
     * @param seeds      seeds measured
     * @param pairs      held-out pairs per seed
     * @param nccBefore  mean local NCC of the moving images with the targets
     * @param nccAfter   of the warped images
     * @param nccAfterCi its 95% t interval over the seeds
     * @param diceBefore mean label Dice of the moving labels
     * @param diceAfter  of the warped labels
     * @param diceAfterCi its 95% t interval over the seeds
     */
    public record RegistrationRow(String name, int seeds, int pairs, double nccBefore, double nccAfter,
                                  ConfidenceInterval nccAfterCi, double diceBefore, double diceAfter,
                                  ConfidenceInterval diceAfterCi) {
    }

    /** A paired unit of comparison: what a pair is when the task is not scored per case. */
    static final String OVER_SEEDS = "seed";
    /** What a pair is when the task is scored per case. */
    static final String OVER_CASES = "seed × case";

    /**
     * The summary of the outcomes recorded so far.
     *
     * @param outcomes    every finished sub-run's outcome
     * @param tasks       the experiment's tasks, in report order
     * @param seeds       the experiment's seeds, in order
     * @param baseline    per seed, the untrained model's registration of the same held-out pairs (may be empty)
     */
    public static ExperimentSummary of(Map<SubRun, Outcome> outcomes, List<DownstreamTask> tasks, List<Long> seeds,
                                       Map<Long, List<Outcome.Registration>> baseline) {
        List<Row> rows = new ArrayList<>();
        for (DownstreamTask task : tasks) {
            for (Protocol protocol : Protocol.values()) {
                for (Method method : Method.values()) {
                    rows.add(row(outcomes, task, protocol, method, seeds));
                }
            }
        }
        List<RegistrationRow> registration = new ArrayList<>();
        if (!baseline.isEmpty()) {
            registration.add(registrationRow("untrained", new ArrayList<>(baseline.values())));
        }
        for (Method method : Method.values()) {
            if (method.pretrains()) {
                List<List<Outcome.Registration>> perSeed = new ArrayList<>();
                for (long seed : seeds) {
                    if (outcomes.get(new SubRun.Pretraining(seed, method)) instanceof Outcome.Pretrained p
                            && !p.registration().isEmpty()) {
                        perSeed.add(p.registration());
                    }
                }
                if (!perSeed.isEmpty()) {
                    registration.add(registrationRow(method.label(), perSeed));
                }
            }
        }
        return new ExperimentSummary(List.copyOf(rows), List.copyOf(registration));
    }

    private static Row row(Map<SubRun, Outcome> outcomes, DownstreamTask task, Protocol protocol, Method method,
                           List<Long> seeds) {
        List<Double> scores = new ArrayList<>();
        for (long seed : seeds) {
            Outcome.Transferred t = transferred(outcomes, new SubRun.Transfer(seed, method, protocol, task));
            if (t != null) {
                scores.add(t.score());
            }
        }
        double[] all = scores.stream().mapToDouble(Double::doubleValue).toArray();
        double[] defined = Arrays.stream(all).filter(Double::isFinite).toArray();
        double mean = defined.length == 0 ? Double.NaN : Arrays.stream(defined).average().orElseThrow();
        double sd = defined.length < 2 ? Double.NaN : Math.sqrt(Arrays.stream(defined)
                .map(v -> (v - mean) * (v - mean)).sum() / (defined.length - 1));
        Comparison vs = method == Method.SCRATCH ? null : compare(outcomes, task, protocol, method, seeds);
        return new Row(task, protocol, method, all, defined.length, mean, sd,
                StudentInterval.DEFAULT.meanInterval(defined), vs);
    }

    private static Comparison compare(Map<SubRun, Outcome> outcomes, DownstreamTask task, Protocol protocol,
                                      Method method, List<Long> seeds) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (long seed : seeds) {
            Outcome.Transferred m = transferred(outcomes, new SubRun.Transfer(seed, method, protocol, task));
            Outcome.Transferred s = transferred(outcomes, new SubRun.Transfer(seed, Method.SCRATCH, protocol, task));
            if (m == null || s == null) {
                continue;
            }
            if (task.scoredPerCase()) {
                m.cases().forEach((name, value) -> {
                    Double other = s.cases().get(name);
                    if (other != null && Double.isFinite(value) && Double.isFinite(other)) {
                        a.add(value);
                        b.add(other);
                    }
                });
            } else if (Double.isFinite(m.score()) && Double.isFinite(s.score())) {
                a.add(m.score());
                b.add(s.score());
            }
        }
        String over = task.scoredPerCase() ? OVER_CASES : OVER_SEEDS;
        if (a.isEmpty()) {
            return new Comparison(Double.NaN, 0, Double.NaN, over);
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        double difference = 0;
        for (int i = 0; i < x.length; i++) {
            difference += (x[i] - y[i]) / x.length;
        }
        return new Comparison(difference, x.length, WilcoxonSignedRank.test(x, y).pValue(), over);
    }

    private static Outcome.Transferred transferred(Map<SubRun, Outcome> outcomes, SubRun.Transfer run) {
        return outcomes.get(run) instanceof Outcome.Transferred t && t.status() == Outcome.Status.COMPLETED ? t : null;
    }

    private static RegistrationRow registrationRow(String name, List<List<Outcome.Registration>> perSeed) {
        double[] nccBefore = perSeed.stream().mapToDouble(l -> mean(l, Outcome.Registration::nccBefore)).toArray();
        double[] nccAfter = perSeed.stream().mapToDouble(l -> mean(l, Outcome.Registration::nccAfter)).toArray();
        double[] diceBefore = perSeed.stream().mapToDouble(l -> mean(l, Outcome.Registration::diceBefore)).toArray();
        double[] diceAfter = perSeed.stream().mapToDouble(l -> mean(l, Outcome.Registration::diceAfter)).toArray();
        return new RegistrationRow(name, perSeed.size(), perSeed.get(0).size(), mean(nccBefore), mean(nccAfter),
                interval(nccAfter), mean(diceBefore), mean(diceAfter), interval(diceAfter));
    }

    private static double mean(List<Outcome.Registration> pairs,
                               java.util.function.ToDoubleFunction<Outcome.Registration> value) {
        return pairs.stream().mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static ConfidenceInterval interval(double[] values) {
        return StudentInterval.DEFAULT.meanInterval(Arrays.stream(values).filter(Double::isFinite).toArray());
    }
}
