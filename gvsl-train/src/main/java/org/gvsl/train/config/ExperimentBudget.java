package org.gvsl.train.config;

/**
 * The two sizes of {@code gvsl experiment transfer}: every count, size and step number of the experiment that the
 * options do not set, in one place. {@link #STANDARD} is the default run (three seeds; its whole plan is sized to
 * finish within 90 minutes on an idle 2-core machine), {@link #QUICK} the few-minute version that the tests run (tiny
 * volumes, a few steps, two seeds, no atlas cohort).
 *
 * <p>Pre-training takes everything else from {@code gvsl pretrain}'s demo defaults ({@link PretrainOptions}: the
 * narrow U-Net, the learning rate, the augmentations); the transfer runs from {@link TransferOptions}, with the
 * experiment's protocol on top (see {@code org.gvsl.train.experiment.TransferExperiment}).
 */
public enum ExperimentBudget {

    /** The default run. */
    STANDARD(3, new Pretraining(12, 48, 32, 2, 200), new Transfer(32, 2, 100, 50), 48, new Split(4, 2, 10),
            new Split(16, 4, 12), true, 4, new Split(4, 2, 8)),

    /** The few-minute run of the tests. */
    QUICK(2, new Pretraining(4, 24, 16, 1, 3), new Transfer(16, 1, 3, 3), 16, new Split(2, 1, 2), new Split(4, 2, 4),
            false, 8, new Split(2, 1, 2));

    private final int seeds;
    private final Pretraining pretraining;
    private final Transfer transfer;
    private final int cohortSize;
    private final Split segmentation;
    private final Split lesions;
    private final boolean atlas;
    private final double atlasSpacing;
    private final Split atlasSplit;

    ExperimentBudget(int seeds, Pretraining pretraining, Transfer transfer, int cohortSize, Split segmentation,
                     Split lesions, boolean atlas, double atlasSpacing, Split atlasSplit) {
        this.seeds = seeds;
        this.pretraining = pretraining;
        this.transfer = transfer;
        this.cohortSize = cohortSize;
        this.segmentation = segmentation;
        this.lesions = lesions;
        this.atlas = atlas;
        this.atlasSpacing = atlasSpacing;
        this.atlasSplit = atlasSplit;
    }

    /** Experiment seeds 1..N (each a pre-training seed and a transfer seed). */
    public int seeds() {
        return seeds;
    }

    /** The one budget of every pre-trained method. */
    public Pretraining pretraining() {
        return pretraining;
    }

    /** The budget of every linear and fine-tuning run. */
    public Transfer transfer() {
        return transfer;
    }

    /** Side of the synthetic labelled volumes, voxels. */
    public int cohortSize() {
        return cohortSize;
    }

    /** Split of the synthetic segmentation cohort (few labelled training volumes). */
    public Split segmentation() {
        return segmentation;
    }

    /** Split of the synthetic lesion-classification cohort. */
    public Split lesions() {
        return lesions;
    }

    /** Whether the atlas cohort's lobe segmentation is part of the experiment. */
    public boolean atlas() {
        return atlas;
    }

    /** Voxel size of the atlas cohort, mm (4 mm: a brain of about 45 × 54 × 45 voxels). */
    public double atlasSpacing() {
        return atlasSpacing;
    }

    /** Split of the atlas cohort. */
    public Split atlasSplit() {
        return atlasSplit;
    }

    /**
     * The pre-training budget, the same for every method: synthetic volumes (count, side), crop, batch, steps.
     *
     * @param volumes unlabelled synthetic training volumes
     * @param size    their side, voxels
     * @param crop    training crop side, voxels
     * @param batch   pairs per step
     * @param steps   optimiser steps
     */
    public record Pretraining(int volumes, int size, int crop, int batch, int steps) {
    }

    /**
     * The budget of one transfer run.
     *
     * @param crop          training crop and inference window side, voxels
     * @param batch         crops per step
     * @param steps         optimiser steps
     * @param validateEvery steps between validations (the best validated model is tested)
     */
    public record Transfer(int crop, int batch, int steps, int validateEvery) {
    }

    /**
     * The volumes of a labelled cohort per part.
     *
     * @param train      training volumes
     * @param validation validation volumes
     * @param test       test volumes
     */
    public record Split(int train, int validation, int test) {
        /** All volumes of the cohort. */
        public int total() {
            return train + validation + test;
        }
    }
}
