package org.gvsl.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code benchmarks/compare-authors}: its Python tests (parsing, medians and ratios, the batched affine matrix
 * against hand-computed ones and theirs) and a smoke run end to end. The smoke run needs Debian's python3-torch,
 * {@code /usr/bin/time} and a checkout of the authors' repository named by {@code GVSL_AUTHORS_REPO}; each test
 * is skipped where what it needs is missing.
 */
class CompareAuthorsTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String AUTHORS = System.getenv("GVSL_AUTHORS_REPO");

    @Test
    void pythonTestsPass() throws Exception {
        assumeTrue(ScriptRun.works(PYTHON, "--version"), PYTHON + " is not available");
        ScriptRun.Result result = ScriptRun.run(Map.of(), "benchmarks/python/run-tests");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("\nOK"), result.output());
    }

    @TempDir
    Path logs;

    @Test
    void smokeRunGivesATableOfBothSidesAndTheirRatios() throws Exception {
        assumeTrue(ScriptRun.works(PYTHON, "-c", "import torch"), "python3-torch is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "/usr/bin/time is not installed");
        assumeTrue(AUTHORS != null && Files.isRegularFile(Path.of(AUTHORS, "PyTorch/models/gvsl.py")),
                "GVSL_AUTHORS_REPO does not name a checkout of the authors' repository");
        ScriptRun.Result result = ScriptRun.run("benchmarks/compare-authors", "--repo", AUTHORS, "--smoke",
                "--logs", logs.toString());
        assertEquals(0, result.exitCode(), result.output());

        Matcher row = Pattern.compile("\\| 16³ \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\(\\3–\\3\\) \\| ([0-9]+) MB "
                + "\\| ([0-9]+) MB \\| ([0-9.]+) \\(\\6–\\6\\) \\| [0-9.]+ cores \\| 1 \\|").matcher(result.output());
        assertTrue(row.find(), result.output());
        double theirs = Double.parseDouble(row.group(1));
        double ours = Double.parseDouble(row.group(2));
        assertTrue(theirs > 0 && ours > 0, row.group());
        double ratio = Double.parseDouble(row.group(3)); // of the unrounded times; the table rounds to 0.01 s
        assertTrue(ratio >= (ours - 0.005) / (theirs + 0.005) - 0.005 && ratio <= (ours + 0.005) / (theirs - 0.005)
                + 0.005, row.group());
        long theirsRss = Long.parseLong(row.group(4));
        long oursRss = Long.parseLong(row.group(5));
        assertTrue(theirsRss > 100 && oursRss > 100, row.group()); // both processes load a framework
        assertEquals((double) oursRss / theirsRss, Double.parseDouble(row.group(6)), 0.01, row.group());
        String theirsLog = Files.readString(logs.resolve("theirs-16-round1.log"));
        assertTrue(theirsLog.contains("batched get_affine_mat equals theirs row by row"), theirsLog);
        String oursLog = Files.readString(logs.resolve("ours-16-round1.log"));
        assertTrue(oursLog.contains("ND4J backend CpuBackend") && oursLog.contains("widths [8, 16, 32, 64, 128"),
                oursLog);
    }

    @Test
    void aMissingCheckoutIsAUsageErrorNamingIt() throws Exception {
        assumeTrue(ScriptRun.works("python3", "--version"), "python3 is not available");
        ScriptRun.Result result = ScriptRun.run("benchmarks/compare-authors", "--repo", "/nonexistent/gvsl");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("--repo /nonexistent/gvsl: no PyTorch/models/gvsl.py there"),
                result.output());
    }
}
