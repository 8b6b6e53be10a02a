package org.gvsl.train.experiment;

import org.gvsl.model.gvsl.Variant;

/**
 * The four initialisations the experiment compares (issue 7; the paper's Table 1 in miniature): a random backbone,
 * and three pre-trainings with one budget, differing only in their {@link Variant}.
 */
public enum Method {

    /** No pre-training: the backbone starts from the seeded random initialisation. */
    SCRATCH("scratch", "scratch", null),
    /** Restoration alone, Models-Genesis-like (GVSL "w/o Z-Matching"). */
    RESTORATION("restoration", "restoration only", Variant.RESTORATION_ONLY),
    /** GVSL without the affine head (Φ = u). */
    GVSL_NO_AFFINE("gvsl-no-affine", "GVSL w/o affine", Variant.NO_AFFINE),
    /** Full GVSL. */
    GVSL("gvsl", "GVSL", Variant.FULL);

    private final String id;
    private final String label;
    private final Variant variant;

    Method(String id, String label, Variant variant) {
        this.id = id;
        this.label = label;
        this.variant = variant;
    }

    /** The name in folders and CSV files, e.g. {@code gvsl-no-affine}. */
    public String id() {
        return id;
    }

    /** The name in tables and plots, e.g. {@code GVSL w/o affine}. */
    public String label() {
        return label;
    }

    /** Whether the method pre-trains. */
    public boolean pretrains() {
        return variant != null;
    }

    /**
     * The pre-training variant.
     *
     * @throws IllegalStateException for {@link #SCRATCH}
     */
    public Variant variant() {
        if (variant == null) {
            throw new IllegalStateException(label + " does not pre-train");
        }
        return variant;
    }
}
