package org.gvsl.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders JMH JSON results ({@code -rf json}, as {@link BenchmarkSuite} writes them) as the Markdown table of the
 * README: one row per benchmark and parameter combination, in the file's order, with JMH's score and its 99.9 %
 * error half-width, under a caption naming the JMH and JVM versions and the run's iterations.
 *
 * <p>How to run: {@code benchmarks/run JmhTable jmh-suite.json [more.json …]}.
 */
public final class JmhTable {

    private static final String PACKAGE = BenchmarkSuite.class.getPackageName() + ".";
    private static final String SIZE = "size";

    /** One result: benchmark class and method, its parameters, JMH's score with error and unit. */
    record Row(String subject, String pass, Map<String, String> params, double score, double error, String unit) {
    }

    private JmhTable() {
    }

    /** Prints the table of each file given. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: benchmarks/run JmhTable RESULTS.json [...] (JMH's -rf json output)");
            System.exit(2);
        }
        for (String file : args) {
            try {
                JsonNode results = read(Path.of(file));
                System.out.println(caption(results));
                System.out.println();
                System.out.print(render(rows(results)));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("JmhTable: " + e.getMessage());
                System.exit(1);
            }
        }
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @throws IOException naming the file when it is missing or not JSON
     * @throws IllegalArgumentException naming the file when its JSON is not an array of JMH results
     */
    static JsonNode read(Path file) throws IOException {
        JsonNode results;
        try {
            results = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " as JSON: " + e.getMessage(), e);
        }
        if (results == null || !results.isArray() || (results.size() > 0 && !results.get(0).has("primaryMetric"))) {
            throw new IllegalArgumentException(file + " is not a JMH JSON result file (an array of results with "
                    + "\"primaryMetric\"; run JMH with -rf json)");
        }
        return results;
    }

    /** The rows of a result array. */
    static List<Row> rows(JsonNode results) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText();
            String shortName = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
            int dot = shortName.lastIndexOf('.');
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            rows.add(new Row(shortName.substring(0, dot), shortName.substring(dot + 1), params,
                    number(metric.path("score")), number(metric.path("scoreError")), metric.path("scoreUnit").asText()));
        }
        return rows;
    }

    /** The caption: JMH version, JVM, forks, warm-up and measurement iterations (of the first result). */
    static String caption(JsonNode results) {
        if (results.isEmpty()) {
            return "(no results)";
        }
        JsonNode r = results.get(0);
        return String.format(Locale.ROOT, "JMH %s, %s %s, %d fork(s), warm-up %d × %s, measurement %d × %s",
                r.path("jmhVersion").asText(), r.path("vmName").asText(), r.path("jdkVersion").asText(),
                r.path("forks").asInt(), r.path("warmupIterations").asInt(), r.path("warmupTime").asText(),
                r.path("measurementIterations").asInt(), r.path("measurementTime").asText());
    }

    /** The Markdown table of the rows: subject, pass, crop size, other parameters, score, error, unit. */
    static String render(List<Row> rows) {
        StringBuilder table = new StringBuilder("| subject | pass | size | parameters | score | ± (99.9 %) | unit |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            StringJoiner others = new StringJoiner(", ");
            row.params().forEach((k, v) -> {
                if (!k.equals(SIZE)) {
                    others.add(k + "=" + v);
                }
            });
            String size = row.params().containsKey(SIZE) ? row.params().get(SIZE) + "³" : "";
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", row.subject(),
                    row.pass(), size, others, format(row.score()), format(row.error(), decimals(row.score())),
                    row.unit()));
        }
        return table.toString();
    }

    /**
     * A whole number from 100 up, otherwise three significant digits (no exponent); a dash for a missing value
     * (JMH's NaN error of a single iteration).
     */
    static String format(double value) {
        return format(value, decimals(value));
    }

    /** The value with the given decimals, or a dash where it is missing; an error takes its score's decimals. */
    private static String format(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    private static int decimals(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 100 || !Double.isFinite(value) ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
    }

    /** A JSON number, or NaN for JMH's {@code "NaN"} string or a missing value. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
