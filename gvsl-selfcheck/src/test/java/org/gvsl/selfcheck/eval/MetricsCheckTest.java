package org.gvsl.selfcheck.eval;

import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCheckTest {

    @Test
    void everyMetricOfTheBundledCaseMatches() {
        List<OutputResult> results = new MetricsCheck().run(ReferenceCases.bundled().get("metrics"));
        assertEquals(3 + 6, results.size());
        results.forEach(r -> assertTrue(r.passed(), r.line()));
    }
}
