package org.gvsl.model.backend;

import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.function.Supplier;

/**
 * Names one part of a graph: the ops and intermediate variables that {@code body} adds are called
 * {@code PART/…} (nested parts {@code OUTER/PART/…}), SameDiff's name scopes.
 *
 * <p>Why: SameDiff numbers its ops by type only ({@code conv3dnew_17}), so a profile, a listener or the DL4J UI
 * cannot tell the U-Net's ops from the warp's. With the parts named, {@code benchmarks/run StepProfile} attributes
 * time and memory to them. Parameters are created before any part is opened and keep their state-dict names.
 */
public final class GraphScope {

    private GraphScope() {
    }

    /** Runs {@code body} with the name scope {@code part} open on {@code sd} and returns its result. */
    public static <T> T in(SameDiff sd, String part, Supplier<T> body) {
        NameScope scope = sd.withNameScope(part);
        try {
            return body.get();
        } finally {
            scope.close();
        }
    }
}
