package org.gvsl.reference;

import java.util.Locale;

/**
 * The comparison of one output of one case with its stored reference.
 *
 * @param caseName   the case
 * @param output     the output's key (or a derived name such as {@code grad_norm[unet.inc…]})
 * @param comparison the largest error and the tolerance it was held to
 */
public record OutputResult(String caseName, String output, Tolerance.Comparison comparison) {

    public boolean passed() {
        return comparison.passed();
    }

    /** {@code CASE OUTPUT max_err/atol PASS|FAIL (fraction of tolerance)}. */
    public String line() {
        return String.format(Locale.ROOT, "%s %s %.3e/%.1e %s (%.3f of tolerance)", caseName, output,
                comparison.maxError(), comparison.atol(), passed() ? "PASS" : "FAIL",
                comparison.fractionOfTolerance());
    }
}
