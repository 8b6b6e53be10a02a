package org.gvsl.train.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a sub-run ended, as the experiment records it in the sub-run's folder ({@link OutcomeFile}) and reports it.
 * Scores are NaN where undefined (an AUC of a test set with one class, a run that stopped).
 */
public sealed interface Outcome permits Outcome.Pretrained, Outcome.Transferred {

    /** How a sub-run ended. */
    enum Status {
        /** All steps done (and, for a transfer run, tested). */
        COMPLETED,
        /** Stopped by a NaN/infinite loss or parameter. */
        NON_FINITE,
        /** Not run: its backbone's pre-training stopped. */
        NO_BACKBONE
    }

    /** How it ended. */
    Status status();

    /** Wall-clock seconds of the sub-run (of the session that finished it, when it was continued). */
    double seconds();

    /**
     * A finished pre-training.
     *
     * @param status       how it ended
     * @param steps        completed steps
     * @param seconds      wall-clock seconds
     * @param registration the trained model's registration of each held-out pair (empty for restoration only,
     *                     which does not register)
     */
    record Pretrained(Status status, int steps, double seconds, List<Registration> registration) implements Outcome {
        public Pretrained {
            registration = List.copyOf(registration);
        }
    }

    /**
     * A finished transfer run.
     *
     * @param status   how it ended
     * @param score    the test score: mean Dice over cases, or ROC-AUC
     * @param cases    per test case (file stem), the mean Dice over the foreground classes (segmentation) or the
     *                 probability of class 1 (classification), in test-set order
     * @param bestStep the step of the best validated model, which was tested
     * @param seconds  wall-clock seconds
     */
    record Transferred(Status status, double score, Map<String, Double> cases, int bestStep, double seconds)
            implements Outcome {
        public Transferred {
            cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
        }
    }

    /**
     * The registration of one held-out pair, before and after the warp (NaN Dice without labels).
     *
     * @param pair       e.g. {@code synthetic/case_013 → synthetic/case_012}
     * @param nccBefore  local NCC similarity of the moving image with the target
     * @param nccAfter   of the warped image with the target
     * @param diceBefore mean label Dice of the moving labels with the target's
     * @param diceAfter  of the warped labels
     */
    record Registration(String pair, double nccBefore, double nccAfter, double diceBefore, double diceAfter) {
    }
}
