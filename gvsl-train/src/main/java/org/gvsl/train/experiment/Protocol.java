package org.gvsl.train.experiment;

import org.gvsl.model.transfer.TransferMode;

/** How a backbone is evaluated downstream (method.md §7): the head alone on frozen features, or everything. */
public enum Protocol {

    /** Linear evaluation: the backbone frozen, the head trained. */
    LINEAR("linear", "linear", TransferMode.LINEAR),
    /** Fine-tuning: backbone and head trained. */
    FINE_TUNE("finetune", "fine-tune", TransferMode.FINE_TUNE);

    private final String id;
    private final String label;
    private final TransferMode mode;

    Protocol(String id, String label, TransferMode mode) {
        this.id = id;
        this.label = label;
        this.mode = mode;
    }

    /** The name in folders and CSV files. */
    public String id() {
        return id;
    }

    /** The name in tables and plots. */
    public String label() {
        return label;
    }

    /** The transfer mode it trains in. */
    public TransferMode mode() {
        return mode;
    }
}
