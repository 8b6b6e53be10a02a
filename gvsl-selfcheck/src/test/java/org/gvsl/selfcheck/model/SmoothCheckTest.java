package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.junit.jupiter.api.Test;

class SmoothCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new SmoothCheck(), 4);
    }
}
