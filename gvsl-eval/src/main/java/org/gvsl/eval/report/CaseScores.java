package org.gvsl.eval.report;

import java.util.List;

/**
 * The scores of one case, one entry per evaluated class in ascending label order.
 *
 * @param caseName the case (the file name without {@code .nii}/{@code .nii.gz})
 * @param classes  the per-class scores
 */
public record CaseScores(String caseName, List<ClassScores> classes) {

    /** Copies the list. */
    public CaseScores {
        classes = List.copyOf(classes);
    }
}
