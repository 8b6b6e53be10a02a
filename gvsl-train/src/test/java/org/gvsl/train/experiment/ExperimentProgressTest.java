package org.gvsl.train.experiment;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentProgressTest {

    /*
     * Plan: GVSL's pre-training, then scratch and GVSL linear segmentation, then scratch fine-tune segmentation. After
     * the pre-training (100 s) and the first linear run (40 s): left are a linear run (40 s, the same kind) and a
     * fine-tune run (a kind not seen: the mean of all seen, 70 s), 110 s in all.
     */
    @Test
    void linesCountTheSubRunsAndTheEtaUsesTheMeanOfEachKind() {
        List<SubRun> plan = List.of(new SubRun.Pretraining(1, Method.GVSL),
                new SubRun.Transfer(1, Method.SCRATCH, Protocol.LINEAR, DownstreamTask.SEGMENTATION),
                new SubRun.Transfer(1, Method.GVSL, Protocol.LINEAR, DownstreamTask.SEGMENTATION),
                new SubRun.Transfer(1, Method.SCRATCH, Protocol.FINE_TUNE, DownstreamTask.SEGMENTATION));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExperimentProgress p = new ExperimentProgress(plan, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("unknown", p.eta());
        p.ended(plan.get(0), "200 steps", 100, true);
        p.ended(plan.get(1), "test Dice 0.500", 40, false);
        assertEquals("1m 50s", p.eta());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("[1/4] seed 1 · GVSL · pre-training: 200 steps (done earlier) · elapsed "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("[2/4] seed 1 · scratch · linear · synthetic structures: test Dice 0.500"
                + " (40.0s) · elapsed "), lines.get(1));
        assertTrue(lines.get(1).endsWith(", ETA 1m 50s"), lines.get(1));
    }

    @Test
    void formatsSecondsMinutesAndHours() {
        assertEquals("3.4s", ExperimentProgress.format(3.4));
        assertEquals("7m 12s", ExperimentProgress.format(432));
        assertEquals("1h 02m", ExperimentProgress.format(3720));
    }
}
