package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.gvsl.reference.OutputResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GvslStepCheckTest {

    @Test
    void everyStoredOutputGradientNormAndPostStepValueIsWithinTolerance() {
        // 13 outputs + 3 gradients + 104 gradient norms + 4 losses after + 3 updated tensors in float32;
        // 8 outputs + 3 gradients + 4 losses after in float64.
        List<OutputResult> results = CaseAssertions.assertAllPass(new GvslStepCheck(), 127 + 15);
        assertEquals(104, results.stream().filter(r -> r.output().startsWith("grad_norm[")).count());
    }
}
