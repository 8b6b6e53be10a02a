package org.gvsl.train.config;

import org.gvsl.model.inference.WindowWeighting;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;

import java.nio.file.Path;

/**
 * The options of {@code gvsl finetune} and {@code gvsl linear} (one table: the commands differ only in the mode),
 * in the order of their help: the table of {@link TransferRunConfig}. The defaults are the reference's downstream
 * protocol (reference-code-notes §7: Adam 1e-4, batch 1, 4·10⁴ steps, validation every 200 steps keeping the
 * best, 128³ crops, sliding windows with overlap 0.5 and summed probabilities, soft Dice alone).
 */
public final class TransferOptions {

    private static final OptionTable.Declaration<TransferRunConfig> T = OptionTable.declare(TransferRunConfig.class);

    public static final ConfigOption<Path> DATA = T.add(ConfigOption.builder("data", ValueType.PATH)
            .flag("--data", "DIR").noneByDefault()
            .help("Labelled dataset folder (required): images/, labels/ (segmentation), classes.csv (classification)."));
    public static final ConfigOption<TransferTask> TASK = T.add(ConfigOption.builder("task",
                    ValueType.choice(TransferTask.class)).flag("--task").byDefault(TransferTask.SEGMENTATION)
            .help("Segmentation of labels/, or classification of classes.csv."));
    public static final ConfigOption<TransferMode> MODE = T.add(ConfigOption.builder("mode",
                    ValueType.choice(TransferMode.class)).byDefault(TransferMode.FINE_TUNE)
            .help("Set by the command: gvsl finetune trains everything, gvsl linear the head alone."));
    public static final ConfigOption<Path> INIT = T.add(ConfigOption.builder("init", ValueType.PATH)
            .flag("--init", "RUN_DIR|MODEL|NPZ|scratch").noneByDefault()
            .help("The backbone: a pre-training run folder, model.gvsl, an .npz state dict, or scratch (random;"
                    + " the default)."));
    public static final ConfigOption<UNetWidths> WIDTHS = T.add(ConfigOption.builder("widths", ValueType.WIDTHS)
            .flag("--widths").noneByDefault()
            .help("U-Net widths: the --init model's (default); required with scratch: paper, narrow or nine integers."));
    public static final ConfigOption<Integer> CLASSES = T.add(ConfigOption.builder("classes", ValueType.INT)
            .flag("--classes", "K").noneByDefault().range(Range.atLeast(1))
            .help("Segmentation: classes with background (labels 0..K-1); classification: sigmoid outputs. Default:"
                    + " from the data (largest label + 1; 1 output for classes 0/1)."));
    public static final ConfigOption<Intensity> INTENSITY = T.add(CommonOptions.intensity().byDefault(Intensity.CT));
    public static final ConfigOption<Integer> CROP = T.add(ConfigOption.builder("crop", ValueType.INT)
            .flag("--crop", "S").noneByDefault().range(Range.atLeast(16))
            .help("Side of the cubic training crop and of the inference window. Default: 128 (the reference's), or"
                    + " the smallest volume side rounded down to a multiple of 16 when that is less."));
    public static final ConfigOption<Integer> BATCH = T.add(ConfigOption.builder("batch", ValueType.INT)
            .flag("--batch", "N").byDefault(1).range(Range.atLeast(1)).help("Crops per step."));
    public static final ConfigOption<Integer> STEPS = T.add(CommonOptions.steps().byDefault(40_000));
    public static final ConfigOption<Double> FOREGROUND_PROBABILITY = T.add(ConfigOption.builder(
                    "foregroundProbability", ValueType.DOUBLE).flag("--foreground-probability", "P").byDefault(0.0)
            .range(Range.between(0, 1))
            .help("Chance that a crop is centred on a foreground voxel (0: uniform crops, the reference's)."));
    public static final ConfigOption<Boolean> FLIP = T.add(ConfigOption.builder("flip", ValueType.BOOLEAN)
            .flag("--flip").byDefault(false).help("Random flips of each crop along each axis."));
    public static final ConfigOption<Boolean> SPATIAL_AUGMENTATION = T.add(ConfigOption.builder(
                    "spatialAugmentation", ValueType.BOOLEAN).flag("--spatial-augmentation").byDefault(false)
            .help("The GVSL affine + elastic augmentation of each crop (labels nearest neighbour)."));
    public static final ConfigOption<Double> LAMBDA_CE = T.add(ConfigOption.builder("lambdaCe", ValueType.DOUBLE)
            .flag("--lambda-ce", "λ").byDefault(0.0).range(Range.atLeast(0))
            .help("Weight of cross-entropy added to the soft Dice loss (segmentation)."));
    public static final ConfigOption<Path> SPLIT = T.add(ConfigOption.builder("split", ValueType.PATH)
            .flag("--split", "FILE").noneByDefault()
            .help("Split file (CSV image,split with train/validation/test); default: seeded fractions."));
    public static final ConfigOption<Double> VALIDATION_FRACTION = T.add(ConfigOption.builder("validationFraction",
                    ValueType.DOUBLE).flag("--val-fraction", "F").byDefault(0.2).range(Range.from(0, 1))
            .help("Fraction of the images for validation (without --split)."));
    public static final ConfigOption<Double> TEST_FRACTION = T.add(ConfigOption.builder("testFraction",
                    ValueType.DOUBLE).flag("--test-fraction", "F").byDefault(0.2).range(Range.from(0, 1))
            .help("Fraction of the images for the test (without --split)."));
    public static final ConfigOption<Integer> VALIDATE_EVERY = T.add(ConfigOption.builder("validateEvery",
                    ValueType.INT).flag("--validate-every", "N").byDefault(200).range(Range.atLeast(1))
            .help("Steps between validations (and at the end); the best validated model is kept."));
    public static final ConfigOption<Double> OVERLAP = T.add(ConfigOption.builder("overlap", ValueType.DOUBLE)
            .flag("--overlap", "F").byDefault(0.5).range(Range.from(0, 1)).resumable()
            .help("Overlap of neighbouring inference windows (0.5: stride half the window)."));
    public static final ConfigOption<WindowWeighting> WINDOW_WEIGHTING = T.add(ConfigOption.builder(
                    "windowWeighting", ValueType.choice(WindowWeighting.class)).flag("--window-weighting")
            .byDefault(WindowWeighting.CONSTANT).resumable()
            .help("Weights of overlapping windows: constant (the reference's sum) or gaussian."));
    public static final ConfigOption<Integer> WINDOW_BATCH = T.add(ConfigOption.builder("windowBatch", ValueType.INT)
            .flag("--window-batch", "B").byDefault(1).range(Range.atLeast(1)).resumable()
            .help("Inference windows per forward pass."));
    public static final ConfigOption<Double> LEARNING_RATE = T.add(CommonOptions.learningRate()
            .byDefault(BiasCorrectedAdam.DEFAULT_LEARNING_RATE));
    public static final ConfigOption<Long> SEED = T.add(CommonOptions.seed().byDefault(1L));
    public static final ConfigOption<Integer> CHECKPOINT_EVERY = T.add(CommonOptions.checkpointEvery()
            .byDefault(1_000));
    public static final ConfigOption<Integer> KEEP_CHECKPOINTS = T.add(CommonOptions.keepCheckpoints());
    public static final ConfigOption<Integer> PLOT_EVERY = T.add(CommonOptions.plotEvery().byDefault(100));
    public static final ConfigOption<Integer> WORKERS = T.add(CommonOptions.workers());
    public static final ConfigOption<Integer> THREADS = T.add(CommonOptions.threads());
    public static final ConfigOption<Path> OUTPUT = T.add(CommonOptions.output());
    public static final ConfigOption<Path> RUN_DIR = T.add(CommonOptions.runDir());

    /** The table of the options above (declared after them). */
    public static final OptionTable<TransferRunConfig> TABLE = T.table();

    private TransferOptions() {
    }
}
