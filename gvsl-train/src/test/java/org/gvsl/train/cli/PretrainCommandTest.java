package org.gvsl.train.cli;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.train.cli.CliRun.Outcome;
import org.gvsl.train.TinyRun;
import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.PretrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.gvsl.train.cli.CliRun.gvsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PretrainCommandTest {

    private static void assertUsageError(String expected, String... args) {
        Outcome o = gvsl(args);
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void helpListsTheOptionsAndBothProfilesDefaults() {
        Outcome o = gvsl("pretrain", "--help");
        assertEquals(0, o.status());
        for (String s : new String[] {"--data=DIR", "--resume=RUN_DIR", "--no-affine", "--restoration-only",
                "--lambda-smooth=λ", "--[no-]ui-stats", "Defaults (config key)", "demo (no --data)",
                "paper (--data DIR)"}) {
            assertTrue(o.out().contains(s), s + " in\n" + o.out());
        }
        for (String row : new String[] {"steps +240 +200000", "crop +32 +128", "model\\.learningRate +0\\.001 +1e-4", "syntheticSize +32 +32",
                "intensity +ct-soft-tissue +ct",
                "model\\.widths +narrow +paper", "data +none +DIR"}) {
            assertTrue(o.out().lines().anyMatch(l -> l.matches(" +" + row)), row + " in\n" + o.out());
        }
        String resumable = PretrainOptions.TABLE.options().stream().filter(ConfigOption::resumable)
                .flatMap(opt -> opt.flags().stream()).collect(Collectors.joining(", "));
        assertTrue(o.out().replaceAll("\\s+", " ").contains("Only " + resumable + " may change."), o.out());
        assertTrue(resumable.startsWith("--steps, --skip-bad-files, --checkpoint-every, --keep-checkpoints,"), resumable);
        for (ConfigOption<?> opt : PretrainOptions.TABLE.options()) {
            opt.flags().forEach(flag -> assertTrue(o.out().contains(flag.replaceFirst("^--", "--[no-]"))
                    || o.out().contains(flag), flag + " in\n" + o.out()));
        }
        assertTrue(gvsl("--help").out().contains("pretrain"));
    }

    @Test
    void badInputIsAUsageErrorWithAClearMessage(@TempDir Path dir) throws Exception {
        assertUsageError("Unknown options: '--stepz'", "pretrain", "--stepz", "3");
        assertUsageError("'abc' is not an int", "pretrain", "--steps", "abc");
        assertUsageError("invalid configuration: steps must be ≥ 1, got -5", "pretrain", "--steps", "-5");
        assertUsageError("nccWindow must be odd and positive, got 4", "pretrain", "--ncc-window", "4");
        assertUsageError("crop 64 is larger than the synthetic volumes (syntheticSize 32)", "pretrain", "--crop", "64");
        assertUsageError("Invalid value for option '--widths': expected 9 comma-separated widths c0..c8, got 2 in \"1,2\"", "pretrain", "--widths", "1,2");
        assertUsageError("Invalid value for option '--intensity': 'hu' is not one of ct, ct-soft-tissue, ct-shifted, mr, none",
                "pretrain", "--intensity", "hu");
        assertUsageError("choose one variant", "pretrain", "--no-affine", "--restoration-only");
        assertUsageError("config file not found: " + dir.resolve("none.yaml"), "pretrain", "--config",
                dir.resolve("none.yaml").toString());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "steps: [1\n");
        assertUsageError("cannot parse config file " + bad, "pretrain", "--config", bad.toString());
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "stepz: 3\n");
        assertUsageError("unknown key 'stepz' in " + unknown, "pretrain", "--config", unknown.toString());
        assertUsageError("data folder not found: " + dir.resolve("none"), "pretrain", "--data",
                dir.resolve("none").toString(), "--run-dir", dir.resolve("r").toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUsageError("no .nii or .nii.gz files in " + empty, "pretrain", "--data", empty.toString(), "--run-dir",
                dir.resolve("r").toString());
        assertFalse(Files.exists(dir.resolve("r")), "no run folder for a run that cannot start");
        assertUsageError("no run folder " + dir.resolve("none"), "pretrain", "--resume", dir.resolve("none").toString());
        assertUsageError("cannot be combined with --config", "pretrain", "--resume", dir.toString(), "--config",
                unknown.toString());
    }

    @Test
    void aRunThatCannotFitInMemoryIsRefusedBeforeItStartsWithTheEstimate(@TempDir Path dir) {
        // narrow widths, 512³ crops, batch 16: about 4 TB by the estimate
        Outcome o = gvsl("pretrain", "--synthetic-size", "512", "--crop", "512", "--batch", "16", "--run-dir",
                dir.resolve("r").toString());
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("gvsl pretrain: a training step of widths [8, 16, 32, 64, 128, 64, 32, 16, 8] at "
                + "512³, batch 16 needs about ") && o.err().contains(" GB (free memory or its memory limit)"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(Files.exists(dir.resolve("r")), "no run folder for a run that cannot start");
    }

    @Test
    void printConfigShowsTheCommandLineOverTheFileOverTheDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run.yaml"), "steps: 100\ncrop: 24\nmodel:\n  lambdaMse: 0.5\n");
        Outcome o = gvsl("pretrain", "--config", file.toString(), "--steps", "7", "--no-affine", "--print-config");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("\"steps\" : 7"), o.out());
        assertTrue(o.out().contains("\"crop\" : 24"), o.out());
        assertTrue(o.out().contains("\"lambdaMse\" : 0.5"), o.out());
        assertTrue(o.out().contains("\"variant\" : \"NO_AFFINE\""), o.out());
        assertTrue(o.out().contains("\"widths\" : [ 8, 16, 32, 64, 128, 64, 32, 16, 8 ]"), o.out());
        Outcome paper = gvsl("pretrain", "--data", dir.toString(), "--print-config");
        assertTrue(paper.out().contains("\"crop\" : 128") && paper.out().contains("\"steps\" : 200000"), paper.out());
    }

    /**
     * The resume guarantee: a run killed with SIGKILL (a child JVM, destroyed forcibly as soon as its first
     * checkpoint exists) and resumed in a new JVM ends with bit-identical weights, Adam state and losses to a run
     * that was never interrupted.
     *
     * <p>The killed and the uninterrupted run compete for the cores, two math threads each: the result must not
     * depend on how the threads were scheduled (an unlocked scatter made it so, see
     * {@link org.gvsl.model.ops.DifferentiableGather}).
     */
    @Test
    void aRunKilledAndResumedReachesTheSameWeightsAsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed");
        Path straight = dir.resolve("straight");
        Process child = gvslProcess(dir.resolve("killed.log"), TinyRun.args(killed, 8, 2, "--threads", "2"));
        Process uninterrupted = gvslProcess(dir.resolve("straight.log"), TinyRun.args(straight, 8, 2, "--threads", "2"));
        Path first = killed.resolve("checkpoints").resolve("step-000002");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!Files.isDirectory(first)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                uninterrupted.destroyForcibly();
                fail("the child wrote no checkpoint:\n" + Files.readString(dir.resolve("killed.log")));
            }
            Thread.sleep(5);
        }
        child.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no clean-up
        child.waitFor();
        assertFalse(Files.exists(killed.resolve("model.fb")), "the child was killed before it finished");
        assertEquals(0, uninterrupted.waitFor(), Files.readString(dir.resolve("straight.log")));

        Process resumed = gvslProcess(dir.resolve("resumed.log"), "pretrain", "--resume", killed.toString());
        assertEquals(0, resumed.waitFor(), Files.readString(dir.resolve("resumed.log")));
        assertTrue(Files.readString(dir.resolve("resumed.log")).contains("resuming from "
                + killed.resolve("checkpoints")), Files.readString(dir.resolve("resumed.log")));

        Map<String, INDArray> a = ModelWeights.readNpz(killed.resolve("weights.npz"));
        Map<String, INDArray> b = ModelWeights.readNpz(straight.resolve("weights.npz"));
        assertEquals(b.keySet(), a.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(b.get(name).data().asFloat(), a.get(name).data().asFloat(), name + " bit-identical");
        }
        assertEquals(lossColumns(straight), lossColumns(killed));
        byte[] stateA = Files.readAllBytes(killed.resolve("checkpoints/step-000008/model.fb"));
        byte[] stateB = Files.readAllBytes(straight.resolve("checkpoints/step-000008/model.fb"));
        assertArrayEquals(stateB, stateA, "the final checkpoints (weights, Adam state, step) are byte-identical");
    }

    /** Starts {@code gvsl ARGS} in a new JVM on this test's class path, output to {@code log}. */
    private static Process gvslProcess(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=4G", "-cp", System.getProperty("java.class.path"),
                Gvsl.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The loss columns of losses.csv (without seconds and memory, which differ between runs). */
    private static List<String> lossColumns(Path run) throws Exception {
        return Files.readAllLines(run.resolve("losses.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1))).toList();
    }
}
