package org.gvsl.model.gvsl;

/**
 * Which parts of GVSL are trained: the full method or one of the paper's ablations (spec §5). Ablations are
 * configuration, not forks: each variant builds the same code with some heads left out.
 */
public enum Variant {
    /** Z-Matching (affine + deformable) and self-restoration: {@code L = L_ncc + λs·L_smooth + λm·L_mse}. */
    FULL(true, true, true),
    /** No affine head: {@code a = 0, L = I}, so {@code Φ = u}; restoration kept. */
    NO_AFFINE(false, true, true),
    /** Z-Matching without the restoration head ("w/o fundament"): {@code L = L_ncc + λs·L_smooth}. */
    NO_RESTORATION(true, true, false),
    /** Restoration only ("w/o Z-Matching"): {@code L = λm·L_mse}; the moving image is not used. */
    RESTORATION_ONLY(false, false, true);

    private final boolean affine;
    private final boolean registration;
    private final boolean restoration;

    Variant(boolean affine, boolean registration, boolean restoration) {
        this.affine = affine;
        this.registration = registration;
        this.restoration = restoration;
    }

    /** Whether the affine head is built. */
    public boolean affine() {
        return affine;
    }

    /** Whether the registration branch (deformable head, warp, NCC, smoothness) is built. */
    public boolean registration() {
        return registration;
    }

    /** Whether the restoration head and its MSE are built. */
    public boolean restoration() {
        return restoration;
    }
}
