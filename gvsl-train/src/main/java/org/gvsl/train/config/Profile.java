package org.gvsl.train.config;

import org.gvsl.model.network.UNetWidths;

/**
 * The two sets of defaults of a pre-training run; which one applies follows from whether a data folder is given.
 * Every default that depends on the profile is defined here and nowhere else (the others are in {@link
 * PretrainConfig.Builder} and, for the model, in {@link org.gvsl.model.gvsl.GvslConfig.Builder}).
 */
public enum Profile {

    /**
     * No data folder: the built-in synthetic CT data, narrow widths, 32³ crops, {@value #DEMO_STEPS} steps: a few
     * minutes on a 2-core CPU with a visible fall of every loss term.
     */
    DEMO(UNetWidths.NARROW, 32, Profile.DEMO_STEPS, 50, 10, 50),

    /**
     * A data folder: the paper's run (method.md §5): full widths, 128³ crops, 2×10⁵ steps. Full-width 128³
     * training needs a GPU (about 20 GB and more; on a 24 GB CPU machine it does not fit).
     */
    PAPER(UNetWidths.PAPER, 128, 200_000, 1_000, 100, 1_000);

    /** Steps of the demo (a constant, for help texts). */
    public static final int DEMO_STEPS = 240;

    private final UNetWidths widths;
    private final int crop;
    private final int steps;
    private final int checkpointEvery;
    private final int plotEvery;
    private final int previewEvery;

    Profile(UNetWidths widths, int crop, int steps, int checkpointEvery, int plotEvery, int previewEvery) {
        this.widths = widths;
        this.crop = crop;
        this.steps = steps;
        this.checkpointEvery = checkpointEvery;
        this.plotEvery = plotEvery;
        this.previewEvery = previewEvery;
    }

    /** U-Net widths c0..c8. */
    public UNetWidths widths() {
        return widths;
    }

    /** Side of the cubic training crop, voxels. */
    public int crop() {
        return crop;
    }

    /** Training steps (Adam iterations). */
    public int steps() {
        return steps;
    }

    /** Steps between checkpoints. */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Steps between refreshes of the loss-curve PNG. */
    public int plotEvery() {
        return plotEvery;
    }

    /** Steps between refreshes of the preview PNG. */
    public int previewEvery() {
        return previewEvery;
    }
}
