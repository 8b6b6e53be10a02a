package org.gvsl.train.pretrain;

import org.gvsl.train.monitor.LossSummary;

import java.time.Duration;

/**
 * How a pre-training run ended.
 *
 * @param status  completed, or stopped by a non-finite loss or parameter
 * @param folder  the run folder
 * @param step    completed steps (the last good step when stopped)
 * @param elapsed training time over all sessions of the run
 * @param summary first vs. last means of each loss term (of the steps before the stop, when stopped)
 * @param message the closing line printed for the user
 */
public record PretrainResult(Status status, RunFolder folder, int step, Duration elapsed, LossSummary summary,
                             String message) {

    /** How the run ended. */
    public enum Status {
        /** All steps done; model and weights written. */
        COMPLETED,
        /** Stopped at a NaN/infinite loss term or parameter; the last checkpoint is the last good state. */
        NON_FINITE
    }

    /** The process exit status: 0 completed, 1 stopped. */
    public int exitCode() {
        return status == Status.COMPLETED ? 0 : 1;
    }
}
