package org.gvsl.train.pretrain;

import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.util.Map;
import java.util.Optional;

/**
 * Detects a diverged run: a NaN or infinite loss term, or a parameter that is no longer finite (which a finite
 * loss can precede by a step: the update that follows it can overflow). A checkpoint is written only after both
 * checks pass, so the last checkpoint of a run stopped by them is a good one.
 */
public final class FiniteCheck {

    private FiniteCheck() {
    }

    /** The first loss term (in map order) whose value is NaN or infinite, e.g. {@code loss_ncc = NaN}. */
    public static Optional<String> nonFiniteLoss(Map<String, Double> losses) {
        return losses.entrySet().stream().filter(e -> e.getValue() == null || !Double.isFinite(e.getValue()))
                .map(e -> e.getKey() + " = " + e.getValue()).findFirst();
    }

    /** The first parameter holding a NaN or infinite value, by name. */
    public static Optional<String> nonFiniteParameter(GvslGraph graph) {
        for (Map.Entry<String, INDArray> p : graph.parameters().entrySet()) {
            if (BooleanIndexing.or(p.getValue(), Conditions.notFinite())) {
                return Optional.of(p.getKey());
            }
        }
        return Optional.empty();
    }
}
