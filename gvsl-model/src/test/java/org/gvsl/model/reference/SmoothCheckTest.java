package org.gvsl.model.reference;

import org.gvsl.model.CaseAssertions;
import org.junit.jupiter.api.Test;

class SmoothCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new SmoothCheck(), 4);
    }
}
