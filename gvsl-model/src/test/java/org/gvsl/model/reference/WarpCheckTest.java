package org.gvsl.model.reference;

import org.gvsl.model.CaseAssertions;
import org.junit.jupiter.api.Test;

class WarpCheckTest {

    @Test
    void everyOutputOfTheBundledCaseIsWithinTolerance() {
        CaseAssertions.assertAllPass(new WarpCheck(), 6);
    }
}
