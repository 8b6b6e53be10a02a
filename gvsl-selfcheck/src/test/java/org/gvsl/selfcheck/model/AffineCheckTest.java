package org.gvsl.selfcheck.model;

import org.gvsl.selfcheck.CaseAssertions;
import org.junit.jupiter.api.Test;

class AffineCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new AffineCheck(), 10);
    }
}
