package org.gvsl.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfCheckTest {

    @TempDir
    Path dir;

    /** A check of case {@code name} that answers with {@code body}. */
    private static CaseCheck check(String name, Function<ReferenceCase, List<OutputResult>> body) {
        return new CaseCheck() {
            @Override
            public String caseName() {
                return name;
            }

            @Override
            public List<OutputResult> run(ReferenceCase referenceCase) {
                return body.apply(referenceCase);
            }
        };
    }

    private static OutputResult result(ReferenceCase c, double actual) {
        return new OutputResult(c.name(), "y", new Tolerance(0.5, 0).compare(Nd4j.scalar(actual), Nd4j.scalar(1.0)));
    }

    private ReferenceCases cases(String... names) throws IOException {
        StringBuilder json = new StringBuilder("{\"cases\": {");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\": {\"arrays\": {}}");
        }
        Files.writeString(dir.resolve("manifest.json"), json.append("}}"));
        return ReferenceCases.open(dir);
    }

    private record Run(SelfCheck.Summary summary, List<String> lines) {
    }

    private static Run run(SelfCheck selfCheck, ReferenceCases cases, List<String> only) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SelfCheck.Summary summary = selfCheck.run(cases, only, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(summary, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aFailingOutputFailsTheRunAndTheOtherCasesStillRun() throws IOException {
        SelfCheck selfCheck = new SelfCheck(List.of(check("bad", c -> List.of(result(c, 2.0))),
                check("good", c -> List.of(result(c, 1.25)))));
        Run run = run(selfCheck, cases("bad", "good"), List.of());
        assertEquals(new SelfCheck.Summary(1, 1, 0), run.summary());
        assertFalse(run.summary().ok());
        assertEquals("bad y 1.000e+00/5.0e-01 FAIL (2.000 of tolerance)", run.lines().get(0));
        assertEquals("good y 2.500e-01/5.0e-01 PASS (0.500 of tolerance)", run.lines().get(1));
        assertTrue(run.lines().get(2).endsWith(": 1 passed, 1 failed, 0 skipped"), run.lines().get(2));
    }

    @Test
    void aCaseWhoseModuleIsAbsentIsSkippedAndDoesNotFailTheRun() throws IOException {
        SelfCheck selfCheck = new SelfCheck(List.of(check("good", c -> List.of(result(c, 1.0)))));
        Run run = run(selfCheck, cases("future", "good"), List.of());
        assertEquals("future - SKIP (not implemented by the modules on the class path)", run.lines().get(0));
        assertEquals(new SelfCheck.Summary(1, 0, 1), run.summary());
        assertTrue(run.summary().ok());
    }

    @Test
    void aRunThatComparedNothingIsNotAPass() throws IOException {
        Run run = run(new SelfCheck(List.of()), cases("future"), List.of());
        assertEquals(new SelfCheck.Summary(0, 0, 1), run.summary());
        assertFalse(run.summary().ok());
    }

    @Test
    void parametersThisBuildDoesNotImplementSkipTheCaseWithTheReason() throws IOException {
        SelfCheck selfCheck = new SelfCheck(List.of(check("odd", c -> {
            throw new UnsupportedCaseException("case odd has eps = 0.1; this build implements 1e-5 only");
        }), check("good", c -> List.of(result(c, 1.0)))));
        Run run = run(selfCheck, cases("odd", "good"), List.of());
        assertEquals("odd - SKIP (case odd has eps = 0.1; this build implements 1e-5 only)", run.lines().get(0));
        assertEquals(new SelfCheck.Summary(1, 0, 1), run.summary());
    }

    @Test
    void aCheckThatThrowsOrComparesNothingFailsItsCase() throws IOException {
        SelfCheck selfCheck = new SelfCheck(List.of(check("broken", c -> {
            throw new IllegalArgumentException("case broken has no array \"gamma_g2\"");
        }), check("empty", c -> List.of()), check("good", c -> List.of(result(c, 1.0)))));
        Run run = run(selfCheck, cases("broken", "empty", "good"), List.of());
        assertEquals("broken - FAIL (java.lang.IllegalArgumentException: case broken has no array \"gamma_g2\")",
                run.lines().get(0));
        assertTrue(run.lines().get(1).startsWith("empty - FAIL (the check compared no output"), run.lines().get(1));
        assertEquals(new SelfCheck.Summary(1, 2, 0), run.summary());
    }

    @Test
    void onlyTheNamedCasesRunAndAnUnknownNameIsRefusedBeforeAnyRuns() throws IOException {
        SelfCheck selfCheck = new SelfCheck(List.of(check("bad", c -> List.of(result(c, 2.0))),
                check("good", c -> List.of(result(c, 1.0)))));
        ReferenceCases cases = cases("bad", "good");
        assertEquals(new SelfCheck.Summary(1, 0, 0), run(selfCheck, cases, List.of("good")).summary());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(selfCheck, cases, List.of("good", "goood")));
        assertEquals("no case [goood] in " + dir + "; cases: [bad, good]", e.getMessage());
    }
}
