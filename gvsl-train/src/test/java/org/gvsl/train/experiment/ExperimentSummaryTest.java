package org.gvsl.train.experiment;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentSummaryTest {

    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);
    private static final double T_975_2 = 4.302652729911275;   // scipy.stats.t.ppf(0.975, 2)

    static Outcome.Transferred dice(double a, double b) {
        return new Outcome.Transferred(Outcome.Status.COMPLETED, (a + b) / 2, Map.of("a", a, "b", b), 3, 1);
    }

    static Outcome.Transferred auc(double auc) {
        return new Outcome.Transferred(Outcome.Status.COMPLETED, auc, Map.of(), 3, 1);
    }

    static SubRun.Transfer run(long seed, Method m, DownstreamTask task) {
        return new SubRun.Transfer(seed, m, Protocol.LINEAR, task);
    }

    /*
     * Scratch's per-case Dice (a, b) per seed: (0.4, 0.6), (0.5, 0.7), (0.6, 0.8): seed scores 0.5, 0.6, 0.7, mean 0.6,
     * sd 0.1, interval 0.6 ± t·0.1/√3. GVSL: (0.5, 0.8), (0.45, 0.95), (0.9, 0.87); differences 0.1, 0.2, −0.05, 0.25,
     * 0.3, 0.07 (mean 0.145), ranks of |d| 3, 4, 1, 5, 6, 2: W = W+ = 20 over n = 6 without ties, exact p =
     * 2·#{S ⊆ 1..6 : ΣS ≥ 20}/2⁶ = 2·2/64 = 0.0625. Lesions AUC per seed: scratch 0.5, 0.6, NaN; GVSL 0.7, 0.8, 0.9:
     * scratch over 2 seeds (mean 0.55), GVSL over 3; paired over the 2 seeds where both are defined: differences
     * 0.2, 0.2 (not tied in floating point), W = 3 of n = 2, p = 2·1/4 = 0.5.
     */
    @Test
    void meansIntervalsAndPairedTestsAgainstScratch() {
        Map<SubRun, Outcome> outcomes = new LinkedHashMap<>();
        double[][] scratch = {{0.4, 0.6}, {0.5, 0.7}, {0.6, 0.8}};
        double[][] gvsl = {{0.5, 0.8}, {0.45, 0.95}, {0.9, 0.87}};
        double[] scratchAuc = {0.5, 0.6, Double.NaN};
        double[] gvslAuc = {0.7, 0.8, 0.9};
        for (int i = 0; i < 3; i++) {
            long seed = i + 1;
            outcomes.put(run(seed, Method.SCRATCH, DownstreamTask.SEGMENTATION), dice(scratch[i][0], scratch[i][1]));
            outcomes.put(run(seed, Method.GVSL, DownstreamTask.SEGMENTATION), dice(gvsl[i][0], gvsl[i][1]));
            outcomes.put(run(seed, Method.SCRATCH, DownstreamTask.LESIONS), auc(scratchAuc[i]));
            outcomes.put(run(seed, Method.GVSL, DownstreamTask.LESIONS), auc(gvslAuc[i]));
        }
        ExperimentSummary s = ExperimentSummary.of(outcomes, List.of(DownstreamTask.SEGMENTATION,
                DownstreamTask.LESIONS), SEEDS, Map.of());
        assertEquals(2 * 2 * 4, s.rows().size(), "task × protocol × method");

        ExperimentSummary.Row sc = row(s, DownstreamTask.SEGMENTATION, Method.SCRATCH);
        assertArrayEquals(new double[] {0.5, 0.6, 0.7}, sc.scores(), 1e-12);
        assertEquals(3, sc.seeds());
        assertEquals(0.6, sc.mean(), 1e-12);
        assertEquals(0.1, sc.sd(), 1e-12);
        assertEquals(0.6 - T_975_2 * 0.1 / Math.sqrt(3), sc.interval().lower(), 1e-9);
        assertEquals(0.6 + T_975_2 * 0.1 / Math.sqrt(3), sc.interval().upper(), 1e-9);
        assertNull(sc.vsScratch());

        ExperimentSummary.Comparison c = row(s, DownstreamTask.SEGMENTATION, Method.GVSL).vsScratch();
        assertEquals(6, c.pairs());
        assertEquals(0.145, c.difference(), 1e-12);
        assertEquals(0.0625, c.pValue(), 1e-12);
        assertEquals("seed × case", c.over());

        ExperimentSummary.Row lesionsScratch = row(s, DownstreamTask.LESIONS, Method.SCRATCH);
        assertEquals(2, lesionsScratch.seeds());
        assertEquals(0.55, lesionsScratch.mean(), 1e-12);
        ExperimentSummary.Comparison a = row(s, DownstreamTask.LESIONS, Method.GVSL).vsScratch();
        assertEquals(2, a.pairs());
        assertEquals(0.2, a.difference(), 1e-12);
        assertEquals(0.5, a.pValue(), 1e-12);
        assertEquals("seed", a.over());

        ExperimentSummary.Row missing = row(s, DownstreamTask.SEGMENTATION, Method.RESTORATION);
        assertEquals(0, missing.seeds());
        assertTrue(Double.isNaN(missing.mean()) && Double.isNaN(missing.interval().lower()));
        assertEquals(0, missing.vsScratch().pairs());
        assertTrue(Double.isNaN(missing.vsScratch().pValue()));
    }

    /* Per seed, means over the pairs; then the mean over seeds and the t interval of the values after. */
    @Test
    void registrationRowsAverageOverPairsThenSeeds() {
        Map<SubRun, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put(new SubRun.Pretraining(1, Method.GVSL), pretrained(0.2, 0.4, 0.5, 0.6));
        outcomes.put(new SubRun.Pretraining(2, Method.GVSL), pretrained(0.2, 0.6, 0.5, 0.8));
        outcomes.put(new SubRun.Pretraining(1, Method.RESTORATION), new Outcome.Pretrained(Outcome.Status.COMPLETED,
                3, 1, List.of()));
        Map<Long, List<Outcome.Registration>> baseline = Map.of(1L, List.of(pair(0.2, 0.1, 0.5, 0.4)));
        ExperimentSummary s = ExperimentSummary.of(outcomes, List.of(DownstreamTask.SEGMENTATION), List.of(1L, 2L),
                baseline);
        assertEquals(List.of("untrained", "GVSL"), s.registration().stream().map(
                ExperimentSummary.RegistrationRow::name).toList(), "restoration only does not register");
        ExperimentSummary.RegistrationRow g = s.registration().get(1);
        assertEquals(2, g.seeds());
        assertEquals(2, g.pairs());
        assertEquals(0.2, g.nccBefore(), 1e-12);
        assertEquals((0.45 + 0.65) / 2, g.nccAfter(), 1e-12);   // seed means of (0.4, 0.5) and (0.6, 0.7)
        double half = 12.706204736432095 * Math.sqrt(0.02) / Math.sqrt(2);   // t.ppf(0.975, 1)·sd/√2
        assertEquals(0.55 - half, g.nccAfterCi().lower(), 1e-9);
        assertEquals((0.65 + 0.85) / 2, g.diceAfter(), 1e-12);
        ExperimentSummary.RegistrationRow u = s.registration().get(0);
        assertEquals(0.1, u.nccAfter(), 1e-12);
        assertTrue(Double.isNaN(u.nccAfterCi().lower()), "one seed: no interval");
    }

    private static Outcome.Pretrained pretrained(double nccBefore, double nccAfter, double diceBefore,
                                                 double diceAfter) {
        return new Outcome.Pretrained(Outcome.Status.COMPLETED, 3, 1, List.of(
                pair(nccBefore, nccAfter, diceBefore, diceAfter),
                pair(nccBefore, nccAfter + 0.1, diceBefore, diceAfter + 0.1)));
    }

    private static Outcome.Registration pair(double nccBefore, double nccAfter, double diceBefore, double diceAfter) {
        return new Outcome.Registration("b → a", nccBefore, nccAfter, diceBefore, diceAfter);
    }

    private static ExperimentSummary.Row row(ExperimentSummary s, DownstreamTask task, Method m) {
        return s.rows().stream().filter(r -> r.task() == task && r.method() == m && r.protocol() == Protocol.LINEAR)
                .findFirst().orElseThrow();
    }
}
