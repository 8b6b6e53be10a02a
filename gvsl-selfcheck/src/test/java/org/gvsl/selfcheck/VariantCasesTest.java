package org.gvsl.selfcheck;

import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole self-check on cases generated with other parameters than the bundled ones (seed 9, widths
 * 4,8,8,16,16,16,8,8,4, other shapes, batch sizes, group counts, windows, control points and classes; see
 * {@code src/test/python/regenerate_variant.sh}): every check must take its parameters from the case.
 */
class VariantCasesTest {

    private static final ReferenceCases VARIANT = ReferenceCases.onClassPath("/org/gvsl/selfcheck/variant/",
            "variant cases");

    @Test
    void everyOutputOfEveryVariantCasePassesAndEachCheckComparesWhatTheCaseHolds() {
        CaseFolder.Run run = CaseFolder.run(new SelfCheck(), VARIANT);
        List<String> notPassed = run.lines().stream().filter(l -> l.contains(" FAIL") || l.contains(" SKIP")).toList();
        assertTrue(notPassed.isEmpty(), String.join("\n", notPassed));

        Map<String, Integer> outputs = new LinkedHashMap<>();
        run.lines().stream().filter(l -> l.contains(" PASS ")).forEach(l -> outputs.merge(l.split(" ")[0], 1, Integer::sum));
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("upsample", 3 * 2);          // three inputs, float32 and float64
        expected.put("groupnorm", 4 * 2);         // groups 1, 3, 6, 12
        expected.put("weights", 4);
        expected.put("unet", 2 * 2);              // two inputs (one of batch 2), g and f
        expected.put("warp", 3 * 2);
        expected.put("ncc", 3 * 3 * 2);           // windows 3, 7, 11: loss and two gradients
        expected.put("smooth", 2 * 2);
        expected.put("affine", 5 * 2);
        // float32: 13 outputs, 3 gradients, 104 norms, 4 losses after, 3 updated tensors and the 22 sign-unstable
        // elements of one of them compared apart; float64: 8 outputs (the 4 losses and the 4 arrays under 4096
        // values), 3 gradients, 4 losses after.
        expected.put("gvsl_step", 13 + 3 + 104 + 4 + 3 + 1 + 8 + 3 + 4);
        expected.put("bezier", 2);
        expected.put("metrics", 3 + 6);
        assertEquals(expected, outputs);
        assertEquals(new SelfCheck.Summary(expected.values().stream().mapToInt(Integer::intValue).sum(), 0, 0),
                run.summary());
    }

    @Test
    void theVariantDiffersFromTheBundledCasesInTheParametersItIsMeantToVary() {
        ReferenceCases bundled = ReferenceCases.bundled();
        for (String[] attribute : new String[][] {{"groupnorm", "groups"}, {"ncc", "windows"}, {"weights", "widths"},
                {"gvsl_step", "ncc_window"}, {"bezier", "control_points"}, {"metrics", "classes"}, {"affine", "grid"}}) {
            assertTrue(!bundled.get(attribute[0]).attribute(attribute[1])
                            .equals(VARIANT.get(attribute[0]).attribute(attribute[1])),
                    attribute[0] + "." + attribute[1] + " is the same as in the bundled cases");
        }
        assertEquals(1L, VARIANT.get("gvsl_step").array("fixed").shape()[0]);
        assertEquals(3L, VARIANT.get("warp").array("image").shape()[0]);
    }
}
