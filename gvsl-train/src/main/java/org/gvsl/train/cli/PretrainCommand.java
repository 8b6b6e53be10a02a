package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.data.loader.DataLoadingException;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ConfigLayers;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.config.Profile;
import org.gvsl.train.config.ResumeOverrides;
import org.gvsl.train.pretrain.PretrainResult;
import org.gvsl.train.pretrain.Pretrainer;
import org.gvsl.train.pretrain.RunFolder;
import org.gvsl.train.pretrain.TrainingData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gvsl pretrain}: GVSL pre-training. Without options it is the demo on the built-in synthetic data; with
 * {@code --data DIR} it is the paper's run. Options override a {@code --config} file, which overrides the
 * defaults ({@link ConfigLayers}); {@code --resume RUN_DIR} continues a run from its newest checkpoint.
 *
 * <p>Exit status: 0 completed; 1 stopped by a NaN/infinite loss or a failure while running (an unreadable
 * volume, a disk error); 2 a usage error (unknown option, bad value, unreadable config file, missing or empty
 * data folder, nothing to resume). Errors of the user's making print one clear line, never a stack trace.
 */
@Command(name = "pretrain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"GVSL self-supervised pre-training of a 3D U-Net (He et al., CVPR 2023).",
                "Without options: a demo on built-in synthetic CT volumes (a narrow model, 32³ crops, "
                        + Profile.DEMO_STEPS + " steps; minutes on a laptop CPU).",
                "With --data DIR: the paper's run (full width, 128³ crops, batch 2, Adam 1e-4, 2×10⁵ steps; for a GPU).",
                "Writes a run folder with config.json, losses.csv, loss-curve.png, preview.png, checkpoints/, and at the "
                        + "end model.fb and weights.npz; prints a progress bar and a closing summary.",
                ""})
final class PretrainCommand implements Callable<Integer> {

    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", order = 1,
            description = "Options from a JSON or YAML file (keys as in a run's config.json); command-line options win.")
    private Path configFile;

    @Option(names = "--resume", paramLabel = "RUN_DIR", order = 2,
            description = "Continue a run from its newest checkpoint, to the same weights as an uninterrupted run. Only"
                    + " --steps and run settings (intervals, --keep-checkpoints, --ui-stats, --workers, --threads,"
                    + " --skip-bad-files) may change.")
    private Path resume;

    @Option(names = "--print-config", order = 3,
            description = "Print the resolved configuration as JSON and exit without training.")
    private boolean printConfig;

    @Option(names = "--data", paramLabel = "DIR", order = 10,
            description = "Dataset folder (images/*.nii.gz, or any NIfTI files below it); selects the paper's defaults.")
    private Path data;

    @Option(names = "--intensity", paramLabel = "ct|ct-shifted|mr|none", order = 11,
            description = "Normalisation of --data: CT in HU, CT holding HU+1024, MR min-max, or none (default ct).")
    private String intensity;

    @Option(names = "--spacing", paramLabel = "MM", order = 12,
            description = "Resample --data to this isotropic spacing (default: keep each file's).")
    private Double spacing;

    @Option(names = "--synthetic-count", paramLabel = "N", order = 13,
            description = "Synthetic training volumes without --data.")
    private Integer syntheticCount;

    @Option(names = "--synthetic-size", paramLabel = "S", order = 14,
            description = "Side of the synthetic volumes, voxels.")
    private Integer syntheticSize;

    @Option(names = "--crop", paramLabel = "S", order = 15, description = "Side of the cubic training crop, voxels.")
    private Integer crop;

    @Option(names = "--batch", paramLabel = "N", order = 16, description = "Pairs per step.")
    private Integer batch;

    @Option(names = "--steps", paramLabel = "N", order = 17, description = "Training steps of the whole run.")
    private Integer steps;

    @Option(names = "--spatial-augmentation", negatable = true, order = 18,
            description = "The GVSL spatial augmentation of both crops (on by default; --no-spatial-augmentation).")
    private Boolean spatialAugmentation;

    @Option(names = "--skip-bad-files", negatable = true, order = 19,
            description = "Skip unreadable volumes with a warning instead of stopping.")
    private Boolean skipBadFiles;

    @Option(names = "--widths", paramLabel = "paper|narrow|c0,…,c8", order = 20, description = "U-Net widths.")
    private String widths;

    @Option(names = "--no-affine", order = 21, description = "Ablation: no affine head (Φ = u).")
    private boolean noAffine;

    @Option(names = "--no-restoration", order = 22, description = "Ablation: no restoration head (\"w/o fundament\").")
    private boolean noRestoration;

    @Option(names = "--restoration-only", order = 23, description = "Ablation: restoration only (\"w/o Z-Matching\").")
    private boolean restorationOnly;

    @Option(names = "--variant", paramLabel = "full|no-affine|no-restoration|restoration-only", order = 24,
            description = "The variant by name (e.g. full, to override a config file).")
    private String variant;

    @Option(names = "--lambda-smooth", paramLabel = "λ", order = 25, description = "Weight of the smoothness loss.")
    private Double lambdaSmooth;

    @Option(names = "--lambda-mse", paramLabel = "λ", order = 26, description = "Weight of the restoration loss.")
    private Double lambdaMse;

    @Option(names = "--ncc-window", paramLabel = "W", order = 27, description = "Odd side of the local NCC window.")
    private Integer nccWindow;

    @Option(names = "--lr", paramLabel = "RATE", order = 28, description = "Adam learning rate.")
    private Double learningRate;

    @Option(names = "--seed", paramLabel = "N", order = 29,
            description = "Seed of initialisation, batches and synthetic data.")
    private Long seed;

    @Option(names = "--checkpoint-every", paramLabel = "N", order = 40, description = "Steps between checkpoints.")
    private Integer checkpointEvery;

    @Option(names = "--keep-checkpoints", paramLabel = "K", order = 41, description = "Newest checkpoints kept.")
    private Integer keepCheckpoints;

    @Option(names = "--plot-every", paramLabel = "N", order = 42, description = "Steps between loss-curve refreshes.")
    private Integer plotEvery;

    @Option(names = "--preview-every", paramLabel = "N", order = 43,
            description = "Steps between preview refreshes (0: only at the end).")
    private Integer previewEvery;

    @Option(names = "--ui-stats", negatable = true, order = 44,
            description = "Write DL4J training-UI statistics (ui-stats.bin) for the DL4J UI.")
    private Boolean uiStats;

    @Option(names = "--workers", paramLabel = "N", order = 45, description = "Loader threads.")
    private Integer workers;

    @Option(names = "--threads", paramLabel = "N", order = 46,
            description = "ND4J/OpenMP threads per op (0: one per core).")
    private Integer threads;

    @Option(names = "--output", paramLabel = "DIR", order = 47,
            description = "Where new run folders pretrain-YYYYMMDD-HHMMSS are made.")
    private Path output;

    @Option(names = "--run-dir", paramLabel = "DIR", order = 48,
            description = "The run folder itself (must be new or empty).")
    private Path runDir;

    /** Receives the command's model and adds the table of defaults to its help. */
    @Spec
    void setSpec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footer(DefaultsTable.render());
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ObjectNode cli = commandLineValues();
            PretrainConfig config;
            RunFolder folder = null;
            if (resume != null) {
                if (configFile != null || runDir != null || output != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--resume continues a run in its own folder with its own config.json; it cannot be"
                                    + " combined with --config, --run-dir or --output");
                }
                folder = RunFolder.open(resume);
                config = ResumeOverrides.apply(ConfigJson.readFile(folder.config()), folder.config().toString(), cli);
            } else {
                List<ConfigLayers.Layer> layers = new ArrayList<>();
                if (configFile != null) {
                    layers.add(new ConfigLayers.Layer(configFile.toString(), ConfigJson.readFile(configFile)));
                }
                layers.add(new ConfigLayers.Layer("the command line", cli));
                config = ConfigLayers.resolve(layers);
            }
            if (printConfig) {
                spec.commandLine().getOut().print(ConfigJson.toJson(config));
                spec.commandLine().getOut().flush();
                return 0;
            }
            TrainingData trainingData = TrainingData.from(config);
            if (folder == null) {
                folder = RunFolder.create(config.runDir(), config.output(), LocalDateTime.now());
            }
            PretrainResult result = Pretrainer.builder().setConfig(config).setRunFolder(folder)
                    .optResume(resume != null).optData(trainingData).build().run();
            return result.exitCode();
        } catch (ConfigException e) {
            err.println("gvsl pretrain: " + e.getMessage());
            err.flush();
            return 2;
        } catch (DataLoadingException e) {
            err.println("gvsl pretrain: data error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("gvsl pretrain: " + e);
            err.flush();
            return 1;
        }
    }

    /** The options given on the command line as configuration keys (absent options are absent keys). */
    private ObjectNode commandLineValues() {
        ObjectNode root = ConfigJson.mapper().createObjectNode();
        ObjectNode model = ConfigJson.mapper().createObjectNode();
        if (data != null) {
            root.put("data", data.toString());
        }
        putIfSet(root, "syntheticCount", syntheticCount);
        putIfSet(root, "syntheticSize", syntheticSize);
        if (intensity != null) {
            root.put("intensity", intensity.replace('-', '_').toUpperCase(Locale.ROOT));
        }
        if (spacing != null) {
            root.put("spacing", spacing);
        }
        putIfSet(root, "crop", crop);
        putIfSet(root, "batch", batch);
        putIfSet(root, "steps", steps);
        putIfSet(root, "spatialAugmentation", spatialAugmentation);
        putIfSet(root, "skipBadFiles", skipBadFiles);
        putIfSet(root, "workers", workers);
        putIfSet(root, "threads", threads);
        putIfSet(root, "checkpointEvery", checkpointEvery);
        putIfSet(root, "keepCheckpoints", keepCheckpoints);
        putIfSet(root, "plotEvery", plotEvery);
        putIfSet(root, "previewEvery", previewEvery);
        putIfSet(root, "uiStats", uiStats);
        if (output != null) {
            root.put("output", output.toString());
        }
        if (runDir != null) {
            root.put("runDir", runDir.toString());
        }
        if (widths != null) {
            model.put("widths", widths);
        }
        Variant v = variant();
        if (v != null) {
            model.put("variant", v.name());
        }
        if (lambdaSmooth != null) {
            model.put("lambdaSmooth", lambdaSmooth);
        }
        if (lambdaMse != null) {
            model.put("lambdaMse", lambdaMse);
        }
        putIfSet(model, "nccWindow", nccWindow);
        if (learningRate != null) {
            model.put("learningRate", learningRate);
        }
        if (seed != null) {
            model.put("seed", seed);
        }
        if (!model.isEmpty()) {
            root.set("model", model);
        }
        return root;
    }

    /** The variant from the ablation flags or {@code --variant}; at most one may be given. */
    private Variant variant() {
        List<Variant> chosen = new ArrayList<>();
        if (noAffine) {
            chosen.add(Variant.NO_AFFINE);
        }
        if (noRestoration) {
            chosen.add(Variant.NO_RESTORATION);
        }
        if (restorationOnly) {
            chosen.add(Variant.RESTORATION_ONLY);
        }
        if (variant != null) {
            try {
                chosen.add(Variant.valueOf(variant.trim().replace('-', '_').toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--variant': '"
                        + variant + "' (expected full, no-affine, no-restoration or restoration-only)");
            }
        }
        if (chosen.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one variant, got " + chosen
                    + " (from --no-affine, --no-restoration, --restoration-only, --variant)");
        }
        return chosen.isEmpty() ? null : chosen.get(0);
    }

    private static void putIfSet(ObjectNode node, String key, Integer value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void putIfSet(ObjectNode node, String key, Boolean value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /** The help footer: the defaults of both profiles, computed from the configuration classes. */
    static final class DefaultsTable {

        private DefaultsTable() {
        }

        static String render() {
            PretrainConfig demo = PretrainConfig.defaults(Profile.DEMO);
            PretrainConfig paper = PretrainConfig.defaults(Profile.PAPER);
            GvslConfig m = demo.model();
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%nDefaults            %-28s%s%n", "demo (no --data)", "paper (--data DIR)"));
            row(s, "widths", widths(demo), widths(paper));
            row(s, "crop", demo.crop(), paper.crop());
            row(s, "steps", demo.steps(), paper.steps());
            row(s, "checkpoint-every", demo.checkpointEvery(), paper.checkpointEvery());
            row(s, "plot-every", demo.plotEvery(), paper.plotEvery());
            row(s, "preview-every", demo.previewEvery(), paper.previewEvery());
            s.append(String.format(Locale.ROOT, "Both: batch %d, lr %s (Adam β %s, %s, ε %s), NCC window %d,%n"
                            + "  λ smooth %s, λ mse %s, variant %s, seed %d, %d synthetic volumes of %d³,%n"
                            + "  intensity %s, spatial augmentation %s, keep-checkpoints %d, workers %d,%n"
                            + "  threads %d (one per core), output %s, UI statistics %s.%n",
                    demo.batch(), num(m.learningRate()), num(m.beta1()), num(m.beta2()), num(m.adamEpsilon()),
                    m.nccWindow(), num(m.lambdaSmooth()), num(m.lambdaMse()),
                    m.variant().name().toLowerCase(Locale.ROOT).replace('_', '-'), m.seed(), demo.syntheticCount(),
                    demo.syntheticSize(), demo.intensity().name().toLowerCase(Locale.ROOT),
                    demo.spatialAugmentation() ? "on" : "off", demo.keepCheckpoints(), demo.workers(), demo.threads(),
                    demo.output(), demo.uiStats() ? "on" : "off"));
            s.append(String.format("%nA config file (--config) takes the keys of a run's config.json, e.g. in YAML:%n"
                    + "  steps: 2000%n  crop: 48%n  model: {widths: narrow, learningRate: 2.0e-4, variant: no_affine}%n"));
            return s.toString();
        }

        private static void row(StringBuilder s, String name, Object demo, Object paper) {
            s.append(String.format(Locale.ROOT, "  %-18s%-28s%s%n", name, demo, paper));
        }

        private static String widths(PretrainConfig c) {
            return c.model().widths().toString().replace(" ", "").replaceAll("[\\[\\]]", "");
        }

        /** {@code 1e-4}, {@code 0.999}, {@code 1}. */
        private static String num(double x) {
            if (x != 0 && Math.abs(x) < 1e-3) {
                return String.format(Locale.ROOT, "%.0e", x).replaceFirst("e-0*", "e-");
            }
            return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
    }
}
