package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.reference.ReferenceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit status of {@code gvsl selfcheck}: 0 when all compared outputs pass, 1 on any FAIL, 2 for usage. */
class SelfCheckCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result gvsl(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Gvsl.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** The bundled bezier and metrics cases (the cheap ones) in {@code dir}, with the manifest to edit. */
    private ObjectNode copyOfBundled() throws IOException {
        ReferenceCases.bundled().extract(List.of("bezier", "metrics"), dir);
        return (ObjectNode) new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    }

    private void write(ObjectNode manifest) throws IOException {
        new ObjectMapper().writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    @Test
    void everyComparedOutputPassingExitsZero() {
        Result r = gvsl("selfcheck", "bezier", "metrics");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("bezier y_f32 "), r.out());
        assertTrue(r.out().contains(": 11 passed, 0 failed, 0 skipped"), r.out());
    }

    @Test
    void anyFailExitsOne() throws IOException {
        ObjectNode manifest = copyOfBundled();
        // Another curve than the stored values were computed with: the outputs no longer match.
        ((ArrayNode) manifest.path("cases").path("bezier").path("control_points").get(1)).set(1, 0.9);
        write(manifest);
        Result r = gvsl("selfcheck", "--cases", dir.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(Pattern.compile("(?m)^bezier y \\S+ FAIL ").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains(" 9 passed, 2 failed, 0 skipped"), r.out());
    }

    @Test
    void aSkipAloneExitsZeroButARunThatComparedNothingExitsOne() throws IOException {
        ObjectNode manifest = copyOfBundled();
        ((ObjectNode) manifest.get("cases")).putObject("future_family").putObject("arrays");
        write(manifest);
        Result some = gvsl("selfcheck", "--cases", dir.toString());
        assertEquals(0, some.status(), some.out());
        assertTrue(some.out().contains("future_family - SKIP (not implemented by the modules on the class path)"));

        Result nothing = gvsl("selfcheck", "--cases", dir.toString(), "future_family");
        assertEquals(1, nothing.status(), nothing.out());
        assertTrue(nothing.out().contains(": 0 passed, 0 failed, 1 skipped"), nothing.out());
    }

    @Test
    void aFolderWithoutCasesOrAnUnknownCaseIsAUsageError() throws IOException {
        Result noManifest = gvsl("selfcheck", "--cases", dir.toString());
        assertEquals(2, noManifest.status());
        assertTrue(noManifest.err().contains("--cases: not a reference-case folder (no manifest.json): " + dir),
                noManifest.err());

        Result unknown = gvsl("selfcheck", "bezier", "no_such_case");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no case [no_such_case] in bundled cases"), unknown.err());
        assertTrue(!unknown.out().contains("bezier y "), "nothing runs on a usage error");
    }
}
