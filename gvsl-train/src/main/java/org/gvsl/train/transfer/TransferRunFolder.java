package org.gvsl.train.transfer;

import org.gvsl.train.pretrain.RunFolder;

import java.nio.file.Path;

/**
 * The folder of one transfer run: pre-training's layout ({@link RunFolder}: {@code config.json}, {@code losses.csv},
 * {@code loss-curve.png}, {@code checkpoints/step-NNNNNN/}, {@code model.gvsl}, {@code weights.npz}) and its own:
 * <pre>
 *   split.csv                 the train/validation/test split used (image,split)
 *   backbone.npz              linear runs: the frozen backbone, written at the start (what a resume rebuilds from)
 *   validation.csv            step, validation score (mean Dice; AUC or BCE for classification), seconds, rss_mb
 *   validation-curve.png      the validation score against the step
 *   best/step-NNNNNN/         the checkpoint with the best validation score (model.fb + state.json)
 *   model.gvsl                at the end: the best model as a transfer model file (gvsl predict reads it)
 *   predictions/CASE.nii.gz   segmentation: the best model's test-set label maps, on each image's grid
 *   test/                     segmentation: metrics.csv, summary.json (gvsl evaluate's); classification:
 *                             scores.csv (case, class, probabilities), summary.json (AUC)
 * </pre>
 *
 * @param run the run folder
 */
public record TransferRunFolder(RunFolder run) {

    /** The split file. */
    public static final String SPLIT_FILE = "split.csv";
    /** The frozen backbone of a linear run. */
    public static final String BACKBONE_FILE = "backbone.npz";
    /** The validation scores. */
    public static final String VALIDATION_FILE = "validation.csv";
    /** The validation curve. */
    public static final String VALIDATION_CURVE = "validation-curve.png";
    /** The best checkpoint's store. */
    public static final String BEST = "best";
    /** The test-set label maps. */
    public static final String PREDICTIONS = "predictions";
    /** The test scores. */
    public static final String TEST = "test";

    /** The folder itself. */
    public Path dir() {
        return run.dir();
    }

    public Path split() {
        return dir().resolve(SPLIT_FILE);
    }

    public Path backbone() {
        return dir().resolve(BACKBONE_FILE);
    }

    public Path validation() {
        return dir().resolve(VALIDATION_FILE);
    }

    public Path validationCurve() {
        return dir().resolve(VALIDATION_CURVE);
    }

    public Path best() {
        return dir().resolve(BEST);
    }

    public Path predictions() {
        return dir().resolve(PREDICTIONS);
    }

    public Path test() {
        return dir().resolve(TEST);
    }
}
