package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.junit.jupiter.api.Test;

class WeightsCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new WeightsCheck(), 4);
    }
}
