package org.gvsl.selfcheck;

import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCases;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a reference-case check on the bundled cases and asserts that every output is within its tolerance. */
public final class CaseAssertions {

    private CaseAssertions() {
    }

    /**
     * @param expectedOutputs the number of compared outputs the check must produce (guards against a check that
     *                        silently compares nothing)
     */
    public static List<OutputResult> assertAllPass(CaseCheck check, int expectedOutputs) {
        List<OutputResult> results = check.run(ReferenceCases.bundled().get(check.caseName()));
        assertFalse(results.isEmpty(), "no outputs compared");
        String failures = results.stream().filter(r -> !r.passed()).map(OutputResult::line)
                .collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), "outputs outside tolerance:\n" + failures);
        assertTrue(results.size() == expectedOutputs,
                "expected " + expectedOutputs + " compared outputs, got " + results.size());
        return results;
    }
}
