package org.gvsl.model.reference;

import org.gvsl.model.CaseAssertions;
import org.junit.jupiter.api.Test;

class UnetCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new UnetCheck(), 6);
    }
}
