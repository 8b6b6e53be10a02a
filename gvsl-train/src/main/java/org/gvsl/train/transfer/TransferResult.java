package org.gvsl.train.transfer;

import java.time.Duration;
import java.util.Map;

/**
 * How a transfer run ended, for a command's exit status and for an experiment that runs many.
 *
 * @param status        completed, or stopped by a non-finite value
 * @param folder        the run folder
 * @param step          completed steps (the last good checkpoint's when stopped)
 * @param metric        the validation score's name: {@code val_dice}, {@code val_auc} or {@code val_loss}
 * @param bestStep      the step of the best validated model (0 when nothing was validated)
 * @param bestScore     its validation score (NaN when nothing was validated)
 * @param testScores    per test case (file name without {@code .nii}/{@code .nii.gz}), the best model's score:
 *                      the mean Dice over the foreground classes (segmentation) or the probability of the first
 *                      output (classification), in test-set order; empty when stopped or without a test set
 * @param testSummary   the test set's score: mean Dice over cases (segmentation) or ROC-AUC (classification; NaN
 *                      when undefined or without a test set)
 * @param elapsed       training time over all sessions of the run
 * @param message       the closing line printed for the user
 */
public record TransferResult(Status status, TransferRunFolder folder, int step, String metric, int bestStep,
                             double bestScore, Map<String, Double> testScores, double testSummary, Duration elapsed,
                             String message) {

    /** How the run ended. */
    public enum Status {
        /** All steps done; the best model written and tested. */
        COMPLETED,
        /** Stopped at a NaN/infinite loss or parameter; the last checkpoint is the last good state. */
        NON_FINITE
    }

    public TransferResult {
        testScores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(testScores));
    }

    /** The process exit status: 0 completed, 1 stopped. */
    public int exitCode() {
        return status == Status.COMPLETED ? 0 : 1;
    }
}
