package org.gvsl.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkSuiteTest {

    @Test
    void theSuiteHasEverySubjectOnceAndTheKernelsAmongThem() {
        assertEquals(7, BenchmarkSuite.ALL.stream().distinct().count());
        assertTrue(BenchmarkSuite.ALL.containsAll(BenchmarkSuite.KERNELS));
        assertFalse(BenchmarkSuite.KERNELS.contains(TrainingStepBenchmark.class));
        assertFalse(BenchmarkSuite.KERNELS.contains(LoaderBenchmark.class));
    }

    @Test
    void includePatternSelectsExactlyOneClassesBenchmarks() {
        Pattern warp = Pattern.compile(BenchmarkSuite.includePattern(WarpBenchmark.class));
        assertTrue(warp.matcher("org.gvsl.benchmarks.WarpBenchmark.forwardBackward").find());
        assertFalse(warp.matcher("org.gvsl.benchmarks.WarpBenchmarkOther.forwardBackward").find());
        assertFalse(warp.matcher("org.gvsl.benchmarks.UNetBenchmark.forward").find());
    }

    /**
     * The subjects the GPU check's kernel run leaves out, through JMH in this JVM at tiny sizes: one invocation
     * each, results in the JSON file JmhTable reads.
     */
    @Test
    void trainingStepAndLoaderRunThroughJmhAndWriteJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Collection<RunResult> results = BenchmarkSuite.run(List.of(TrainingStepBenchmark.class, LoaderBenchmark.class),
                new String[] {"-f", "0", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "size=16", "-p", "widths=narrow",
                        "-p", "batch=1", "-p", "workers=1", "-rff", json.toString()}, true);
        assertEquals(2, results.size());
        List<JmhTable.Row> rows = JmhTable.rows(JmhTable.read(json));
        assertEquals(List.of("LoaderBenchmark.pair ops/s", "TrainingStepBenchmark.step s/op"), // JMH sorts by name
                rows.stream().map(r -> r.subject() + "." + r.pass() + " " + r.unit()).toList());
        for (JmhTable.Row row : rows) {
            assertEquals("16", row.params().get("size"), row.toString());
            assertTrue(row.score() > 0 && Double.isFinite(row.score()), row.toString());
        }
        assertEquals("narrow", rows.get(1).params().get("widths"));
        assertEquals("1", rows.get(1).params().get("batch"));
    }

    @Test
    void aBadJmhOptionIsReportedByJmh() {
        CommandLineOptionException e = assertThrows(CommandLineOptionException.class,
                () -> BenchmarkSuite.run(BenchmarkSuite.KERNELS, new String[] {"-i", "many"}, false));
        assertTrue(e.getMessage().contains("many"), e.getMessage());
    }
}
