package org.gvsl.selfcheck.data;

import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BezierCheckTest {

    @Test
    void everyOutputOfTheBundledCasePasses() {
        List<OutputResult> results = new BezierCheck().run(ReferenceCases.bundled().get("bezier"));
        assertEquals(List.of("y", "y_f32"), results.stream().map(OutputResult::output).toList());
        for (OutputResult r : results) {
            assertTrue(r.passed(), r.line());
        }
    }

    @Test
    void selfCheckFindsTheCheckAsAService() {
        assertTrue(new SelfCheck().implemented().contains("bezier"));
    }
}
