package org.gvsl.model.reference;

import org.gvsl.model.CaseAssertions;
import org.junit.jupiter.api.Test;

class UpsampleCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new UpsampleCheck(), 4);
    }
}
