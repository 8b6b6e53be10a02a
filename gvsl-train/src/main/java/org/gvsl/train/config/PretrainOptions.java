package org.gvsl.train.config;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;

import java.nio.file.Path;

/**
 * The options of {@code gvsl pretrain}, one entry each, in the order of its help: the table of {@link
 * PretrainConfig}. The profile-dependent defaults (demo without {@code --data}, the paper's run with it) are here
 * and nowhere else; the model's other defaults are {@link GvslConfig}'s (the method's), which also checks the
 * model's values.
 */
public final class PretrainOptions {

    /** The method's model and optimiser defaults (widths aside, which depend on the profile). */
    private static final GvslConfig MODEL = GvslConfig.builder().build();

    /** Adam's rate in the demo (see {@link #LEARNING_RATE}). */
    private static final double DEMO_LEARNING_RATE = 1e-3;

    /**
     * The demo's normalisation of its synthetic CT: the soft-tissue window, under which the organs differ by tenths
     * of the range rather than hundredths, so the NCC loss has more to align than the body outline.
     */
    private static final Intensity DEMO_INTENSITY = Intensity.CT_SOFT_TISSUE;

    private static final OptionTable.Declaration<PretrainConfig> T = OptionTable.declare(PretrainConfig.class);

    public static final ConfigOption<Path> DATA = T.add(ConfigOption.builder("data", ValueType.PATH)
            .flag("--data", "DIR").noneByDefault().selectsProfile()
            .help("Dataset folder (images/*.nii.gz, or any NIfTI files below it); selects the paper's defaults."));
    public static final ConfigOption<Intensity> INTENSITY = T.add(CommonOptions.intensity()
            .byProfile(DEMO_INTENSITY, Intensity.CT));
    public static final ConfigOption<Double> SPACING = T.add(ConfigOption.builder("spacing", ValueType.DOUBLE)
            .flag("--spacing", "MM").noneByDefault().range(Range.above(0))
            .help("Resample --data to this isotropic spacing in mm (none: keep each file's)."));
    public static final ConfigOption<Integer> SYNTHETIC_COUNT = T.add(ConfigOption.builder("syntheticCount",
                    ValueType.INT).flag("--synthetic-count", "N").byDefault(12).range(Range.atLeast(2))
            .help("Synthetic training volumes without --data."));
    public static final ConfigOption<Integer> SYNTHETIC_SIZE = T.add(ConfigOption.builder("syntheticSize",
                    ValueType.INT).flag("--synthetic-size", "S").byDefault(32).range(Range.atLeast(8))
            .help("Side of the synthetic volumes, voxels (the demo's crop: whole volumes, as the reference feeds)."));
    public static final ConfigOption<Integer> CROP = T.add(ConfigOption.builder("crop", ValueType.INT)
            .flag("--crop", "S").byProfile(32, 128).range(Range.atLeast(2))
            .help("Side of the cubic training crop, voxels."));
    public static final ConfigOption<Integer> BATCH = T.add(ConfigOption.builder("batch", ValueType.INT)
            .flag("--batch", "N").byDefault(2).range(Range.atLeast(1)).help("Pairs per step."));
    public static final ConfigOption<Integer> STEPS = T.add(CommonOptions.steps().byProfile(240, 200_000));
    public static final ConfigOption<Boolean> SPATIAL_AUGMENTATION = T.add(ConfigOption.builder(
                    "spatialAugmentation", ValueType.BOOLEAN).flag("--spatial-augmentation").byDefault(true)
            .help("The GVSL spatial augmentation (affine + elastic) of both crops."));
    public static final ConfigOption<Boolean> SKIP_BAD_FILES = T.add(ConfigOption.builder("skipBadFiles",
                    ValueType.BOOLEAN).flag("--skip-bad-files").byDefault(false).resumable()
            .help("Skip unreadable volumes with a warning instead of stopping."));
    public static final ConfigOption<UNetWidths> WIDTHS = T.add(ConfigOption.builder("model.widths", ValueType.WIDTHS)
            .flag("--widths").byProfile(UNetWidths.NARROW, UNetWidths.PAPER)
            .help("U-Net widths c0..c8: paper " + UNetWidths.PAPER + ", narrow " + UNetWidths.NARROW + " or nine integers."));
    public static final ConfigOption<Variant> VARIANT = T.add(ConfigOption.builder("model.variant",
                    ValueType.choice(Variant.class)).byDefault(MODEL.variant())
            .preset("--no-affine", Variant.NO_AFFINE, "Ablation: no affine head (Φ = u).")
            .preset("--no-restoration", Variant.NO_RESTORATION, "Ablation: no restoration head (\"w/o fundament\").")
            .preset("--restoration-only", Variant.RESTORATION_ONLY, "Ablation: restoration only (\"w/o Z-Matching\").")
            .flag("--variant").help("The variant by name (e.g. full, to override a config file)."));
    public static final ConfigOption<Double> LAMBDA_SMOOTH = T.add(ConfigOption.builder("model.lambdaSmooth",
            ValueType.DOUBLE).flag("--lambda-smooth", "λ").byDefault(MODEL.lambdaSmooth())
            .help("Weight of the smoothness loss."));
    public static final ConfigOption<Double> LAMBDA_MSE = T.add(ConfigOption.builder("model.lambdaMse",
            ValueType.DOUBLE).flag("--lambda-mse", "λ").byDefault(MODEL.lambdaMse())
            .help("Weight of the restoration loss."));
    public static final ConfigOption<Integer> NCC_WINDOW = T.add(ConfigOption.builder("model.nccWindow",
            ValueType.INT).flag("--ncc-window", "W").byDefault(MODEL.nccWindow())
            .help("Odd side of the local NCC window."));
    /**
     * The demo's rate is higher than the method's: 1e-4 is for 2×10⁵ steps, and in the demo's 240 it leaves the
     * warped image as far from the target as the moving one; with the soft-tissue window 5e-4 threw the warp off the
     * image within 50 steps and 1e-3 did not (README "Pre-training").
     */
    public static final ConfigOption<Double> LEARNING_RATE = T.add(CommonOptions.learningRate()
            .key("model.learningRate").byProfile(DEMO_LEARNING_RATE, MODEL.learningRate()));
    public static final ConfigOption<Double> BETA1 = T.add(ConfigOption.builder("model.beta1", ValueType.DOUBLE)
            .byDefault(MODEL.beta1()).help("Adam β1."));
    public static final ConfigOption<Double> BETA2 = T.add(ConfigOption.builder("model.beta2", ValueType.DOUBLE)
            .byDefault(MODEL.beta2()).help("Adam β2."));
    public static final ConfigOption<Double> ADAM_EPSILON = T.add(ConfigOption.builder("model.adamEpsilon",
            ValueType.DOUBLE).byDefault(MODEL.adamEpsilon()).help("Adam ε."));
    public static final ConfigOption<Long> SEED = T.add(CommonOptions.seed().key("model.seed").byDefault(MODEL.seed()));
    public static final ConfigOption<Integer> CHECKPOINT_EVERY = T.add(CommonOptions.checkpointEvery()
            .byProfile(50, 1_000));
    public static final ConfigOption<Integer> KEEP_CHECKPOINTS = T.add(CommonOptions.keepCheckpoints());
    public static final ConfigOption<Integer> PLOT_EVERY = T.add(CommonOptions.plotEvery().byProfile(10, 100));
    public static final ConfigOption<Integer> PREVIEW_EVERY = T.add(ConfigOption.builder("previewEvery",
                    ValueType.INT).flag("--preview-every", "N").byProfile(50, 1_000).range(Range.atLeast(0))
            .resumable().help("Steps between preview refreshes (0: only at the end)."));
    public static final ConfigOption<Boolean> UI_STATS = T.add(ConfigOption.builder("uiStats", ValueType.BOOLEAN)
            .flag("--ui-stats").byDefault(false).resumable()
            .help("Write DL4J training-UI statistics (ui-stats.bin) for the DL4J UI."));
    public static final ConfigOption<Integer> WORKERS = T.add(CommonOptions.workers());
    public static final ConfigOption<Integer> THREADS = T.add(CommonOptions.threads());
    public static final ConfigOption<Path> OUTPUT = T.add(CommonOptions.output());
    public static final ConfigOption<Path> RUN_DIR = T.add(CommonOptions.runDir());

    /** The table of the options above (declared after them). */
    public static final OptionTable<PretrainConfig> TABLE = T.table();

    private PretrainOptions() {
    }
}
