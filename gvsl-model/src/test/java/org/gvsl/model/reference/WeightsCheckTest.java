package org.gvsl.model.reference;

import org.gvsl.model.CaseAssertions;
import org.junit.jupiter.api.Test;

class WeightsCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new WeightsCheck(), 4);
    }
}
