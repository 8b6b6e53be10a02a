package org.gvsl.model.transfer;

/** Which parameters a downstream training updates (spec §7). */
public enum TransferMode {
    /**
     * Linear evaluation: the backbone is frozen (its tensors are graph constants, so no optimiser state exists for
     * them and no backward pass runs through it); only the head trains.
     */
    LINEAR,
    /** Fine-tuning: the backbone and the head train. */
    FINE_TUNE
}
