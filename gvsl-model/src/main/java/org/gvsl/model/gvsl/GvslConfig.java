package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.optim.BiasCorrectedAdam;

/**
 * Everything that defines a GVSL model and its optimiser, immutable, with the method's defaults (spec §1–§5).
 * Saved beside the weights, so a model can be rebuilt exactly; the seed of the parameter initialisation is part of
 * it.
 *
 * @param widths        U-Net widths c0..c8 (default the paper's)
 * @param nccWindow     odd NCC window side in voxels (9)
 * @param lambdaSmooth  weight of the smoothness loss (1)
 * @param lambdaMse     weight of the restoration loss (1)
 * @param variant       full method or an ablation
 * @param seed          seed of the parameter initialisation
 * @param learningRate  Adam step size (1e-4)
 * @param beta1         Adam β1 (0.9)
 * @param beta2         Adam β2 (0.999)
 * @param adamEpsilon   Adam ε (1e-8)
 */
public record GvslConfig(UNetWidths widths, int nccWindow, double lambdaSmooth, double lambdaMse, Variant variant,
                         long seed, double learningRate, double beta1, double beta2, double adamEpsilon) {

    public GvslConfig {
        if (widths == null || variant == null) {
            throw new IllegalArgumentException("widths and variant are required, got widths=" + widths
                    + ", variant=" + variant);
        }
        if (nccWindow < 1 || nccWindow % 2 == 0) {
            throw new IllegalArgumentException("nccWindow must be odd and positive, got " + nccWindow);
        }
        requireNonNegative("lambdaSmooth", lambdaSmooth);
        requireNonNegative("lambdaMse", lambdaMse);
        BiasCorrectedAdam.requireValid(learningRate, beta1, beta2, adamEpsilon);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** This configuration as a builder, to derive a variant. */
    public Builder toBuilder() {
        return new Builder().optWidths(widths).optNccWindow(nccWindow).optLambdaSmooth(lambdaSmooth)
                .optLambdaMse(lambdaMse).optVariant(variant).optSeed(seed).optLearningRate(learningRate)
                .optAdam(beta1, beta2, adamEpsilon);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + value);
        }
    }

    /** Builder of {@link GvslConfig}; every option has the method's default. */
    public static final class Builder {
        private UNetWidths widths = UNetWidths.PAPER;
        private int nccWindow = 9;
        private double lambdaSmooth = 1.0;
        private double lambdaMse = 1.0;
        private Variant variant = Variant.FULL;
        private long seed = 1;
        private double learningRate = BiasCorrectedAdam.DEFAULT_LEARNING_RATE;
        private double beta1 = BiasCorrectedAdam.DEFAULT_BETA1;
        private double beta2 = BiasCorrectedAdam.DEFAULT_BETA2;
        private double adamEpsilon = BiasCorrectedAdam.DEFAULT_EPSILON;

        private Builder() {
        }

        public Builder optWidths(UNetWidths widths) {
            this.widths = widths;
            return this;
        }

        public Builder optNccWindow(int nccWindow) {
            this.nccWindow = nccWindow;
            return this;
        }

        public Builder optLambdaSmooth(double lambdaSmooth) {
            this.lambdaSmooth = lambdaSmooth;
            return this;
        }

        public Builder optLambdaMse(double lambdaMse) {
            this.lambdaMse = lambdaMse;
            return this;
        }

        public Builder optVariant(Variant variant) {
            this.variant = variant;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder optAdam(double beta1, double beta2, double epsilon) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.adamEpsilon = epsilon;
            return this;
        }

        /** Validates and builds. */
        public GvslConfig build() {
            return new GvslConfig(widths, nccWindow, lambdaSmooth, lambdaMse, variant, seed, learningRate, beta1,
                    beta2, adamEpsilon);
        }
    }
}
