package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.junit.jupiter.api.Test;

class NccCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new NccCheck(), 12);
    }
}
