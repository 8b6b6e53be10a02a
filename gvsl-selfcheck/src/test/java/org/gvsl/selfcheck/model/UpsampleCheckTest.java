package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.junit.jupiter.api.Test;

class UpsampleCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new UpsampleCheck(), 4);
    }
}
