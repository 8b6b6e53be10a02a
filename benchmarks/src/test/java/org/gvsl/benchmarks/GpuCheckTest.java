package org.gvsl.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code benchmarks/gpu-check} end to end on the CPU backend ({@code --smoke}: narrow widths, 16³, one selfcheck
 * case, one JMH iteration of each kernel), as a user without a GPU runs it; skipped where bash is missing. Where
 * {@code GVSL_AUTHORS_REPO} names a checkout of the authors' repository and python3-torch is installed, the
 * authors' step runs too.
 */
class GpuCheckTest {

    @TempDir
    Path out;

    @Test
    void everyStepRunsOnTheCpuAndTheSummaryGivesItsNumbers() throws Exception {
        assumeTrue(ScriptRun.works("bash", "-c", "true"), "bash is not available");
        String authors = System.getenv("GVSL_AUTHORS_REPO");
        boolean withAuthors = authors != null && Files.isRegularFile(Path.of(authors, "PyTorch/models/gvsl.py"))
                && ScriptRun.works("/usr/bin/python3", "-c", "import torch");
        List<String> args = new ArrayList<>(List.of("--smoke", "--out", out.toString()));
        if (withAuthors) {
            args.addAll(List.of("--authors", authors, "--python", "/usr/bin/python3"));
        }
        ScriptRun.Result result = ScriptRun.run("benchmarks/gpu-check", args.toArray(String[]::new));
        String summary = result.output().substring(result.output().indexOf("== gpu-check summary"));
        assertEquals(0, result.exitCode(), result.output());

        assertTrue(summary.contains("ND4J backend CpuBackend"), summary);
        assertTrue(summary.contains("build      skipped GVSL_CLASSPATH is set"), summary);
        assertTrue(summary.contains("selfcheck  ok      4 passed, 0 failed, 0 skipped"), summary);
        assertTrue(summary.contains("kernels    ok      6 results"), summary);
        for (String side : withAuthors ? List.of("step", "authors") : List.of("step")) {
            Matcher step = Pattern.compile(side + " +ok {6}narrow widths, 16³, batch 2: median step ([0-9.]+) s over 1 "
                    + "steps; peak RSS ([0-9]+) MB").matcher(summary);
            assertTrue(step.find(), summary);
            assertTrue(Double.parseDouble(step.group(1)) > 0 && Long.parseLong(step.group(2)) > 100, step.group());
        }
        if (!withAuthors) {
            assertTrue(summary.contains("authors    skipped no --authors DIR"), summary);
        }

        List<JmhTable.Row> rows = JmhTable.rows(JmhTable.read(out.resolve("jmh-kernels.json")));
        assertEquals(List.of("GroupNormBenchmark.forwardBackward", "LocalNccBenchmark.forwardBackward",
                        "SmoothnessBenchmark.forwardBackward", "UNetBenchmark.forward", "UNetBenchmark.forwardBackward",
                        "WarpBenchmark.forwardBackward"),
                rows.stream().map(r -> r.subject() + "." + r.pass()).sorted().toList());
        for (JmhTable.Row row : rows) {
            assertEquals("16", row.params().get("size"), row.toString());
            assertTrue(row.score() > 0 && "ms/op".equals(row.unit()), row.toString());
        }
        assertTrue(summary.contains(JmhTable.render(rows).lines().skip(2).findFirst().orElseThrow()), summary);
    }

    @Test
    void aBadOptionIsAUsageErrorNamingIt() throws Exception {
        assumeTrue(ScriptRun.works("bash", "-c", "true"), "bash is not available");
        ScriptRun.Result backend = ScriptRun.run("benchmarks/gpu-check", "--backend", "tpu");
        assertEquals(2, backend.exitCode(), backend.output());
        assertTrue(backend.output().contains("--backend must be auto, cuda or cpu, got tpu"), backend.output());
        ScriptRun.Result warmup = ScriptRun.run("benchmarks/gpu-check", "--steps", "2", "--warmup", "2");
        assertEquals(2, warmup.exitCode(), warmup.output());
        assertTrue(warmup.output().contains("--warmup must lie in [0, --steps), got 2"), warmup.output());
    }
}
