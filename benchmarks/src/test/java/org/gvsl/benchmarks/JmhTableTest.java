package org.gvsl.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhTableTest {

    /** Two results as JMH 1.37 writes them (fields trimmed to those read, plus some that are not). */
    private static final String RESULTS = """
            [ {
                "jmhVersion" : "1.37", "benchmark" : "org.gvsl.benchmarks.WarpBenchmark.forwardBackward",
                "mode" : "avgt", "threads" : 1, "forks" : 1, "jdkVersion" : "17.0.15",
                "vmName" : "OpenJDK 64-Bit Server VM", "warmupIterations" : 1, "warmupTime" : "2 s",
                "measurementIterations" : 3, "measurementTime" : "2 s",
                "params" : { "channels" : "32", "size" : "64" },
                "primaryMetric" : { "score" : 1234.5678, "scoreError" : 12.345, "scoreUnit" : "ms/op",
                                    "rawData" : [ [ 1230.0, 1235.0, 1238.7 ] ] },
                "secondaryMetrics" : { }
              }, {
                "jmhVersion" : "1.37", "benchmark" : "org.gvsl.benchmarks.LoaderBenchmark.pair",
                "mode" : "thrpt", "threads" : 1, "forks" : 1,
                "params" : { "size" : "128", "workers" : "2" },
                "primaryMetric" : { "score" : 1.23456, "scoreError" : "NaN", "scoreUnit" : "ops/s" }
              } ]
            """;

    @Test
    void rowsCarrySubjectPassParametersScoreErrorAndUnit(@TempDir Path dir) throws IOException {
        List<JmhTable.Row> rows = JmhTable.rows(JmhTable.read(write(dir, RESULTS)));
        assertEquals(new JmhTable.Row("WarpBenchmark", "forwardBackward", Map.of("channels", "32", "size", "64"),
                1234.5678, 12.345, "ms/op"), rows.get(0));
        JmhTable.Row loader = rows.get(1);
        assertEquals("LoaderBenchmark.pair ops/s 1.23456", loader.subject() + "." + loader.pass() + " "
                + loader.unit() + " " + loader.score());
        assertTrue(Double.isNaN(loader.error()), "JMH's \"NaN\" error of a single iteration");
    }

    @Test
    void rendersTheReadmeTableWithTheSizeAsItsOwnColumn(@TempDir Path dir) throws IOException {
        String table = JmhTable.render(JmhTable.rows(JmhTable.read(write(dir, RESULTS))));
        assertEquals("""
                | subject | pass | size | parameters | score | ± (99.9 %) | unit |
                |---|---|---|---|---|---|---|
                | WarpBenchmark | forwardBackward | 64³ | channels=32 | 1235 | 12 | ms/op |
                | LoaderBenchmark | pair | 128³ | workers=2 | 1.23 | – | ops/s |
                """, table);
    }

    @Test
    void captionNamesJmhJvmAndIterations(@TempDir Path dir) throws IOException {
        assertEquals("JMH 1.37, OpenJDK 64-Bit Server VM 17.0.15, 1 fork(s), warm-up 1 × 2 s, measurement 3 × 2 s",
                JmhTable.caption(JmhTable.read(write(dir, RESULTS))));
    }

    @Test
    void wholeNumbersFromAHundredOtherwiseThreeSignificantDigits() {
        assertEquals("12346", JmhTable.format(12345.6));
        assertEquals("123", JmhTable.format(123.45));
        assertEquals("45.7", JmhTable.format(45.66));
        assertEquals("4.57", JmhTable.format(4.567));
        assertEquals("0.046", JmhTable.format(0.04567));
        assertEquals("–", JmhTable.format(Double.NaN));
    }

    @Test
    void aFileThatIsNotJmhJsonIsNamed(@TempDir Path dir) throws IOException {
        IOException notJson = assertThrows(IOException.class, () -> JmhTable.read(write(dir, "{ broken")));
        assertTrue(notJson.getMessage().startsWith("cannot read " + dir.resolve("results.json") + " as JSON"),
                notJson.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> JmhTable.read(write(dir, "[ { \"benchmark\" : \"x\" } ]")));
        assertTrue(other.getMessage().contains("is not a JMH JSON result file"), other.getMessage());
        IllegalArgumentException csv = assertThrows(IllegalArgumentException.class,
                () -> JmhTable.read(write(dir, "\"Benchmark\",\"Mode\"\n"))); // JMH's CSV
        assertTrue(csv.getMessage().contains("run JMH with -rf json"), csv.getMessage());
    }

    private static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("results.json"), text);
    }
}
