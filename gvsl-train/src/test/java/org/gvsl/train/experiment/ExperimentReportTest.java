package org.gvsl.train.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentReportTest {

    @TempDir
    Path dir;

    /* Two seeds of scratch and GVSL, linear segmentation only; GVSL's seed 2 stopped (NaN): n/a where undefined. */
    @Test
    void writesEveryFileWithOneRowPerRunCaseAndPair() throws IOException {
        Map<SubRun, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put(new SubRun.Pretraining(1, Method.GVSL), new Outcome.Pretrained(Outcome.Status.COMPLETED, 3, 2,
                List.of(new Outcome.Registration("b → a", 0.25, 0.5, 0.4, 0.6))));
        for (long seed = 1; seed <= 2; seed++) {
            outcomes.put(new SubRun.Transfer(seed, Method.SCRATCH, Protocol.LINEAR, DownstreamTask.SEGMENTATION),
                    ExperimentSummaryTest.dice(0.4, 0.5 + seed / 10.0));
        }
        outcomes.put(new SubRun.Transfer(1, Method.GVSL, Protocol.LINEAR, DownstreamTask.SEGMENTATION),
                ExperimentSummaryTest.dice(0.7, 0.8));
        outcomes.put(new SubRun.Transfer(2, Method.GVSL, Protocol.LINEAR, DownstreamTask.SEGMENTATION),
                new Outcome.Transferred(Outcome.Status.NON_FINITE, Double.NaN, Map.of(), 0, 1));
        Map<Long, List<Outcome.Registration>> baseline = Map.of(1L, List.of(new Outcome.Registration("b → a", 0.25,
                0.2, 0.4, 0.3)));
        ExperimentSummary summary = ExperimentSummary.of(outcomes, List.of(DownstreamTask.SEGMENTATION), List.of(1L,
                2L), baseline);
        String md = ExperimentReport.write(dir, "title", List.of("a note"), outcomes, baseline, summary);

        assertEquals(List.of(String.join(",", ExperimentReport.RESULTS_HEADER),
                "1,scratch,linear,segmentation,dice,0.5,3,1,completed",
                "2,scratch,linear,segmentation,dice,0.55,3,1,completed",
                "1,gvsl,linear,segmentation,dice,0.75,3,1,completed",
                "2,gvsl,linear,segmentation,dice,NaN,0,1,non_finite"), Files.readAllLines(dir.resolve(
                ExperimentReport.RESULTS_CSV)));
        assertEquals(1 + 3 * 2, Files.readAllLines(dir.resolve(ExperimentReport.CASES_CSV)).size());
        assertEquals(List.of(String.join(",", ExperimentReport.REGISTRATION_HEADER), "1,untrained,\"b → a\",0.25,0.2,0.4,0.3",
                "1,gvsl,\"b → a\",0.25,0.5,0.4,0.6"), Files.readAllLines(dir.resolve(ExperimentReport.REGISTRATION_CSV)));

        assertEquals(md, Files.readString(dir.resolve(ExperimentReport.SUMMARY_MD)));
        assertTrue(md.startsWith("# title\n\na note  \n"), md);
        assertTrue(md.contains("| synthetic structures | linear | scratch | Dice | 2 | 0.525 | [0.207, 0.843] | — | — | — |"),
                md);   // 0.525 ± 12.7062·0.035355/√2
        assertTrue(md.contains("| synthetic structures | linear | GVSL | Dice | 1 | 0.750 | n/a | +0.250 | 0.500 | 2 (seed × case) |"),
                md);   // pairs of seed 1: 0.7 − 0.4, 0.8 − 0.6; W = 3 of n = 2, p = 0.5
        assertTrue(md.contains("| synthetic structures | fine-tune | GVSL w/o affine | Dice | 0 | n/a | n/a | n/a | n/a | 0 (seed × case) |"),
                md);
        assertTrue(md.contains("| untrained | 1 | 1 | 0.250 → 0.200 | n/a | 0.400 → 0.300 | n/a |"), md);
        assertTrue(md.contains("| GVSL | 1 | 1 | 0.250 → 0.500 | n/a | 0.400 → 0.600 | n/a |"), md);

        String json = Files.readString(dir.resolve(ExperimentReport.SUMMARY_JSON));
        assertTrue(json.contains("\"scores\" : [ 0.75 ]"), json);   // the stopped run has no score
        BufferedImage png = ImageIO.read(dir.resolve(TransferChart.FILE).toFile());
        assertEquals(1100, png.getWidth());
    }
}
