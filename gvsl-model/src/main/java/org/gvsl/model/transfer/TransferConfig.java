package org.gvsl.model.transfer;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.optim.BiasCorrectedAdam;

import java.util.Objects;

/**
 * Everything that defines a downstream (transfer) model and its optimiser, immutable, with the method's defaults
 * (spec §7: Adam 1e-4 as in pre-training). Saved beside the weights, so the graph can be rebuilt exactly; the seed
 * of the parameter initialisation (head, and backbone when trained from scratch) is part of it.
 *
 * @param task         segmentation or classification (required)
 * @param widths       U-Net widths c0..c8 (default the paper's); must match the pre-trained backbone's
 * @param classes      K: segmentation classes including background (≥ 2), or classification outputs (≥ 1)
 *                     (required)
 * @param mode         linear evaluation or fine-tuning (default {@link TransferMode#FINE_TUNE})
 * @param lambdaCe     weight of the cross-entropy added to the soft Dice loss (segmentation only; default 0,
 *                     the reference's Dice alone)
 * @param seed         seed of the parameter initialisation
 * @param learningRate Adam step size (1e-4)
 * @param beta1        Adam β1 (0.9)
 * @param beta2        Adam β2 (0.999)
 * @param adamEpsilon  Adam ε (1e-8)
 */
public record TransferConfig(TransferTask task, UNetWidths widths, int classes, TransferMode mode, double lambdaCe,
                             long seed, double learningRate, double beta1, double beta2, double adamEpsilon) {

    /** Validates every value, naming the bad one. */
    public TransferConfig {
        if (task == null || widths == null || mode == null) {
            throw new IllegalArgumentException("task, widths and mode are required, got task=" + task + ", widths="
                    + widths + ", mode=" + mode);
        }
        int least = task == TransferTask.SEGMENTATION ? 2 : 1;
        if (classes < least) {
            throw new IllegalArgumentException(task == TransferTask.SEGMENTATION
                    ? "segmentation needs classes ≥ 2 (background included), got " + classes
                    : "classification needs classes ≥ 1 outputs, got " + classes);
        }
        if (!(lambdaCe >= 0) || !Double.isFinite(lambdaCe)) {
            throw new IllegalArgumentException("lambdaCe must be finite and ≥ 0, got " + lambdaCe);
        }
        if (task == TransferTask.CLASSIFICATION && lambdaCe != 0) {
            throw new IllegalArgumentException("lambdaCe (cross-entropy weight) applies to segmentation only, got "
                    + lambdaCe + " for classification");
        }
        BiasCorrectedAdam.requireValid(learningRate, beta1, beta2, adamEpsilon);
    }

    /** A builder for a task, holding the defaults; {@link Builder#setClasses} is required. */
    public static Builder builder(TransferTask task) {
        return new Builder(task);
    }

    /** This configuration as a builder, to derive another. */
    public Builder toBuilder() {
        return new Builder(task).optWidths(widths).setClasses(classes).optMode(mode).optLambdaCe(lambdaCe)
                .optSeed(seed).optLearningRate(learningRate).optAdam(beta1, beta2, adamEpsilon);
    }

    /** The optimiser of this configuration. */
    public BiasCorrectedAdam updater() {
        return new BiasCorrectedAdam(learningRate, beta1, beta2, adamEpsilon);
    }

    /** Builder of {@link TransferConfig}: {@code setX} required, {@code optX} with the documented defaults. */
    public static final class Builder {
        private final TransferTask task;
        private UNetWidths widths = UNetWidths.PAPER;
        private Integer classes;
        private TransferMode mode = TransferMode.FINE_TUNE;
        private double lambdaCe;
        private long seed = 1;
        private double learningRate = BiasCorrectedAdam.DEFAULT_LEARNING_RATE;
        private double beta1 = BiasCorrectedAdam.DEFAULT_BETA1;
        private double beta2 = BiasCorrectedAdam.DEFAULT_BETA2;
        private double adamEpsilon = BiasCorrectedAdam.DEFAULT_EPSILON;

        private Builder(TransferTask task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        /** K (required): segmentation classes including background, or classification outputs. */
        public Builder setClasses(int classes) {
            this.classes = classes;
            return this;
        }

        public Builder optWidths(UNetWidths widths) {
            this.widths = widths;
            return this;
        }

        public Builder optMode(TransferMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder optLambdaCe(double lambdaCe) {
            this.lambdaCe = lambdaCe;
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

        /**
         * Validates and builds.
         *
         * @throws IllegalStateException if the class count was not set
         */
        public TransferConfig build() {
            if (classes == null) {
                throw new IllegalStateException("TransferConfig needs setClasses(...)");
            }
            return new TransferConfig(task, widths, classes, mode, lambdaCe, seed, learningRate, beta1, beta2,
                    adamEpsilon);
        }
    }
}
