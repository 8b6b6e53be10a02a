package org.gvsl.train.config;

import org.gvsl.model.inference.WindowWeighting;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;

import java.nio.file.Path;

/**
 * Everything that defines a downstream (transfer) run of {@code gvsl finetune} or {@code gvsl linear}, immutable:
 * the task and mode, the labelled data and its split, the initialisation, the crops and augmentation, the loss,
 * the validation, the optimiser, and the run's checkpoint, monitoring and machine settings. Saved as
 * {@code config.json} in the run folder ({@link ConfigJson}) and read back from it on resume.
 *
 * <p>Each component is an option of {@link TransferOptions} (meaning, flag, default, range, resume rule). Three
 * are resolved from the data or the model when absent (null) and recorded resolved in {@code config.json}:
 * {@code classes} (from the label maps or {@code classes.csv}), {@code crop} (the reference's 128, or less when the
 * volumes are smaller) and {@code widths} (the pre-trained model's; required for scratch). This record checks only
 * what relates two components.
 */
public record TransferRunConfig(TransferTask task, TransferMode mode, Path data, Path init, UNetWidths widths,
                                Integer classes, Intensity intensity, Integer crop, int batch, int steps,
                                double foregroundProbability, boolean flip, boolean spatialAugmentation,
                                double lambdaCe, Path split, double validationFraction, double testFraction,
                                int validateEvery, double overlap, WindowWeighting windowWeighting, int windowBatch,
                                double learningRate, long seed, int checkpointEvery, int keepCheckpoints,
                                int plotEvery, int workers, int threads, Path output, Path runDir) {

    /** The value of {@code init} that means a random backbone (as does no value). */
    public static final String SCRATCH = "scratch";

    public TransferRunConfig {
        if (task == TransferTask.CLASSIFICATION && lambdaCe != 0) {
            throw new IllegalArgumentException("lambdaCe (--lambda-ce) applies to segmentation only, got " + lambdaCe
                    + " with task classification");
        }
        if (task == TransferTask.CLASSIFICATION && foregroundProbability != 0) {
            throw new IllegalArgumentException("foregroundProbability (--foreground-probability) needs label maps:"
                    + " segmentation only, got " + foregroundProbability + " with task classification");
        }
        if (!(validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " and testFraction "
                    + testFraction + " must sum to less than 1 (the rest trains)");
        }
    }

    /** A builder holding the defaults. */
    public static ConfigBuilder<TransferRunConfig> builder() {
        return TransferOptions.TABLE.builder();
    }

    /** Whether the backbone starts random: no {@code init}, or {@code init} is {@value #SCRATCH}. */
    public boolean fromScratch() {
        return init == null || init.toString().equals(SCRATCH);
    }

    /** This configuration with the values resolved from the data and the model. */
    public TransferRunConfig resolved(UNetWidths widths, int classes, int crop) {
        return new TransferRunConfig(task, mode, data, init, widths, classes, intensity, crop, batch, steps,
                foregroundProbability, flip, spatialAugmentation, lambdaCe, split, validationFraction, testFraction,
                validateEvery, overlap, windowWeighting, windowBatch, learningRate, seed, checkpointEvery,
                keepCheckpoints, plotEvery, workers, threads, output, runDir);
    }

    /** This configuration in another mode (the command's: {@code finetune} or {@code linear}). */
    public TransferRunConfig withMode(TransferMode newMode) {
        return new TransferRunConfig(task, newMode, data, init, widths, classes, intensity, crop, batch, steps,
                foregroundProbability, flip, spatialAugmentation, lambdaCe, split, validationFraction, testFraction,
                validateEvery, overlap, windowWeighting, windowBatch, learningRate, seed, checkpointEvery,
                keepCheckpoints, plotEvery, workers, threads, output, runDir);
    }
}
