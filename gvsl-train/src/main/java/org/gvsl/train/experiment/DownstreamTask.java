package org.gvsl.train.experiment;

import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.config.Intensity;

/**
 * The downstream tasks of the experiment, each on its own labelled cohort ({@link ExperimentData}) and scored on
 * its test part: the mean Dice over the foreground classes per case (segmentation), or the ROC-AUC over the cases
 * (classification).
 *
 * <p>The synthetic tasks read their CT under the soft-tissue window, the demo's pre-training window: under the
 * method's CT window the organs and lesions barely exceed the noise (README "Experiment" gives the figures).
 */
public enum DownstreamTask {

    /** Segmentation of the synthetic anatomy's structures (labels 1..6). */
    SEGMENTATION("segmentation", "synthetic structures", TransferTask.SEGMENTATION, Intensity.CT_SOFT_TISSUE,
            "dice"),
    /** Classification of the synthetic volumes by their lesion label ({@code classes.csv}). */
    LESIONS("lesions", "synthetic lesions", TransferTask.CLASSIFICATION, Intensity.CT_SOFT_TISSUE, "auc"),
    /** Segmentation of the atlas cohort's 8 lobe groups (real anatomy, MR). */
    ATLAS("atlas", "atlas lobes", TransferTask.SEGMENTATION, Intensity.MR, "dice");

    private final String id;
    private final String label;
    private final TransferTask task;
    private final Intensity intensity;
    private final String metric;

    DownstreamTask(String id, String label, TransferTask task, Intensity intensity, String metric) {
        this.id = id;
        this.label = label;
        this.task = task;
        this.intensity = intensity;
        this.metric = metric;
    }

    /** The name in folders and CSV files (also the cohort's folder under {@code data/}). */
    public String id() {
        return id;
    }

    /** The name in tables and plots. */
    public String label() {
        return label;
    }

    /** The transfer task it trains. */
    public TransferTask task() {
        return task;
    }

    /** The normalisation of its images. */
    public Intensity intensity() {
        return intensity;
    }

    /** The score's name: {@code dice} (mean test Dice) or {@code auc} (test ROC-AUC). */
    public String metric() {
        return metric;
    }

    /** Whether a score exists per test case (Dice), so that methods can be compared case by case. */
    public boolean scoredPerCase() {
        return task == TransferTask.SEGMENTATION;
    }
}
