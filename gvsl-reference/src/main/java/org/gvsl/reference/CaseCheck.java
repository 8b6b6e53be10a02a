package org.gvsl.reference;

import java.util.List;

/**
 * Runs one family of reference cases through production code. Implementations are registered as services
 * ({@code META-INF/services/org.gvsl.reference.CaseCheck}) by the module that owns the code they exercise, so
 * that {@link SelfCheck} finds every check on the class path and reports the others as skipped.
 */
public interface CaseCheck {

    /** The manifest name of the case family this check runs (e.g. {@code warp}). */
    String caseName();

    /** Computes every output of the case that this build implements and compares it with the reference. */
    List<OutputResult> run(ReferenceCase referenceCase);
}
