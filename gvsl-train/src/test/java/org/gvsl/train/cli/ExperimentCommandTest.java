package org.gvsl.train.cli;

import org.gvsl.train.experiment.ExperimentReport;
import org.gvsl.train.experiment.OutcomeFile;
import org.gvsl.train.experiment.SummaryMarkdown;
import org.gvsl.train.experiment.TransferChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gvsl experiment transfer --quick --seeds 1}: one seed of the quick experiment (19 sub-runs), its report's
 * shape and numbers, the resume that skips every recorded sub-run, and the refusal of a folder holding another
 * experiment.
 */
class ExperimentCommandTest {

    @TempDir
    Path dir;

    @Test
    void theQuickExperimentReportsEveryMethodProtocolAndTaskAndResumesWithoutRedoingAnything() throws IOException {
        Path out = dir.resolve("exp");
        CliRun.Outcome first = CliRun.gvsl("experiment", "transfer", "--quick", "--seeds", "1", "--out", out.toString());
        assertEquals(0, first.status(), first.out() + first.err());
        List<String> progress = first.out().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(19, progress.size(), "3 pre-trainings + 4 methods × 2 protocols × 2 tasks: " + first.out());
        assertTrue(progress.get(0).startsWith("[ 1/19] seed 1 · restoration only · pre-training: 3 steps"), progress.get(0));
        assertTrue(progress.stream().allMatch(l -> l.contains("ETA")), first.out());

        // summary.md: the table has one row per task × protocol × method, in that order
        String md = Files.readString(out.resolve(ExperimentReport.SUMMARY_MD));
        List<String> table = md.lines().dropWhile(l -> !l.equals(SummaryMarkdown.TRANSFER_HEADER)).skip(2)
                .takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(16, table.size(), md);
        assertTrue(table.get(0).startsWith("| synthetic structures | linear | scratch | Dice | 1 | "), table.get(0));
        assertTrue(table.get(15).startsWith("| synthetic lesions | fine-tune | GVSL | AUC | 1 | "), table.get(15));
        assertTrue(md.contains("Quick run: tiny volumes"), md);
        assertTrue(first.out().contains(SummaryMarkdown.TRANSFER_HEADER), "the table is printed too");

        // results.csv: one row per transfer run, finite scores in [0, 1]
        List<String[]> results = rows(out.resolve(ExperimentReport.RESULTS_CSV));
        assertEquals(String.join(",", ExperimentReport.RESULTS_HEADER), String.join(",", results.get(0)));
        assertEquals(17, results.size());
        for (String[] r : results.subList(1, results.size())) {
            double score = Double.parseDouble(r[5]);
            assertTrue(score >= 0 && score <= 1, Arrays.toString(r));
            assertEquals("completed", r[8]);
        }
        // cases.csv: per test case of the segmentation runs (2 test volumes each)
        List<String[]> cases = rows(out.resolve(ExperimentReport.CASES_CSV));
        assertEquals(String.join(",", ExperimentReport.CASES_HEADER), String.join(",", cases.get(0)));
        assertEquals(1 + 8 * 2, cases.size());
        // registration.csv: the untrained baseline and the two registering methods, 6 held-out pairs each
        List<String[]> registration = rows(out.resolve(ExperimentReport.REGISTRATION_CSV));
        assertEquals(1 + 3 * 6, registration.size());
        assertEquals(List.of("untrained", "gvsl-no-affine", "gvsl"), registration.stream().skip(1).map(r -> r[1])
                .distinct().toList());
        for (String[] r : registration.subList(1, registration.size())) {
            for (int c = 3; c < 7; c++) {
                assertTrue(Double.isFinite(Double.parseDouble(r[c])), Arrays.toString(r));
            }
        }
        // summary.json: a p-value against scratch wherever two cases pair (segmentation), finite
        String json = Files.readString(out.resolve(ExperimentReport.SUMMARY_JSON));
        assertTrue(json.contains("\"over\" : \"seed × case\"") && json.contains("\"p\" : "), json);
        assertNotNull(ImageIO.read(out.resolve(TransferChart.FILE).toFile()));

        // resume: a recorded sub-run is never redone; a missing record is run again, to the same result
        Path last = out.resolve("seed-1/gvsl/finetune-lesions");
        Files.delete(last.resolve(OutcomeFile.FILE));
        Map<Path, FileTime> before = recordTimes(out);
        CliRun.Outcome second = CliRun.gvsl("experiment", "transfer", "--quick", "--seeds", "1", "--out", out.toString());
        assertEquals(0, second.status(), second.out() + second.err());
        assertTrue(second.out().startsWith("continuing the experiment in " + out), second.out());
        List<String> again = second.out().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(18, again.stream().filter(l -> l.contains("(done earlier)")).count(), second.out());
        assertTrue(again.get(18).contains("GVSL · fine-tune · synthetic lesions: test AUC")
                && !again.get(18).contains("done earlier"), again.get(18));
        assertEquals(before, recordTimes(out), "no other record was rewritten");
        assertEquals(Arrays.deepToString(results.toArray()), Arrays.deepToString(rows(out.resolve(
                ExperimentReport.RESULTS_CSV)).stream().map(r -> withSeconds(r, results)).toArray()),
                "the redone run scores as before");

        // another experiment's settings in the same folder: a usage error naming what differs
        CliRun.Outcome other = CliRun.gvsl("experiment", "transfer", "--quick", "--seeds", "1", "--pretrain-steps", "5",
                "--out", out.toString());
        assertEquals(2, other.status(), other.out() + other.err());
        assertTrue(other.err().contains("holds an experiment with other settings: pretrainSteps (3 → 5)"), other.err());
    }

    @Test
    void aFolderOfOtherFilesIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun.Outcome o = CliRun.gvsl("experiment", "transfer", "--quick", "--out", dir.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(dir + " holds files but no experiment (no config.json); choose another --out"),
                o.err());
    }

    /** The row with the seconds column of the earlier run (the one column that differs between runs). */
    private static String[] withSeconds(String[] row, List<String[]> earlier) {
        for (String[] e : earlier) {
            if (Arrays.equals(Arrays.copyOf(e, 4), Arrays.copyOf(row, 4))) {
                String[] copy = row.clone();
                copy[7] = e[7];
                return copy;
            }
        }
        return row;
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.split(",", -1)).toList();
    }

    private static Map<Path, FileTime> recordTimes(Path out) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals(OutcomeFile.FILE)).toList()) {
                times.put(p, Files.getLastModifiedTime(p));
            }
        }
        times.remove(out.resolve("seed-1/gvsl/finetune-lesions").resolve(OutcomeFile.FILE));
        return times;
    }
}
