package org.gvsl.eval.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryTableTest {

    @Test
    void rendersMeanSdAndIntervalPerClassAndOverall() throws Exception {
        // specificity overall: a (27/28 + 511/512) / 2 = 0.98117, b 1: mean 0.99058, sd 0.01883/√2 = 0.01332
        List<String> lines = SummaryTable.render(TwoCases.evaluated(2).report()).lines().toList();
        assertEquals(List.of(
                "class    dice              hd95 mm           asd mm            sensitivity       specificity       precision",
                "1        0.875 ± 0.177     1.000 ± 1.414     0.321 ± 0.455     0.875 ± 0.177     0.982 ± 0.025     0.875 ± 0.177",
                "         [0.750, 1.000]    [0.000, 2.000]    [0.000, 0.643]    [0.750, 1.000]    [0.964, 1.000]    [0.750, 1.000]",
                "2        0.000             -                 -                 -                 0.998             0.000",
                "         [0.000, 0.000]    -                 -                 -                 [0.998, 0.998]    [0.000, 0.000]",
                "overall  0.688 ± 0.442     1.000 ± 1.414     0.321 ± 0.455     0.875 ± 0.177     0.991 ± 0.013     0.688 ± 0.442",
                "         [0.375, 1.000]    [0.000, 2.000]    [0.000, 0.643]    [0.750, 1.000]    [0.981, 1.000]    [0.375, 1.000]",
                "2 case(s); 95% confidence intervals by the percentile bootstrap; left out of the means: dice 1 undefined; "
                        + "hd95 1 undefined, 1 infinite; asd 1 undefined, 1 infinite; sensitivity 2 undefined; "
                        + "specificity 1 undefined; precision 1 undefined"), lines);
    }
}
