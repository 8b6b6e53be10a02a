package org.gvsl.train.config;

import java.nio.file.Path;

/**
 * Options that every training command shares, declared once: a command adds them to its table, giving the
 * defaults that are its own (e.g. {@code CommonOptions.steps().byProfile(240, 200_000)}) and, where its record
 * nests the value, another key ({@code CommonOptions.seed().key("model.seed")}). Each method returns a new builder
 * with the flag, help text, range, resume rule and, where all commands agree, the default.
 */
public final class CommonOptions {

    /**
     * The key of the math thread count. The {@code gvsl} program applies it to the whole process before a command
     * runs ({@code org.gvsl.train.cli.Gvsl}), for every command whose table has it.
     */
    public static final String THREADS = "threads";

    private CommonOptions() {
    }

    /** {@code --seed N}: the one seed of the run (no default: the command's record or model has it). */
    public static ConfigOption.Builder<Long> seed() {
        return ConfigOption.builder("seed", ValueType.LONG).flag("--seed", "N")
                .help("The one seed of the run: initialisation, batches and synthetic data.");
    }

    /** {@code --threads N}: ND4J/OpenMP threads per op, 0 (the default) for one per core. */
    public static ConfigOption.Builder<Integer> threads() {
        return ConfigOption.builder(THREADS, ValueType.INT).flag("--threads", "N")
                .help("ND4J/OpenMP threads per op (0: one per core).").range(Range.atLeast(0)).resumable()
                .byDefault(0);
    }

    /** {@code --workers N}: loader threads preparing batches ahead, 1 by default (the math uses the cores). */
    public static ConfigOption.Builder<Integer> workers() {
        return ConfigOption.builder("workers", ValueType.INT).flag("--workers", "N").help("Loader threads.")
                .range(Range.atLeast(1)).resumable().byDefault(1);
    }

    /** {@code --steps N}: optimiser steps of the whole run. */
    public static ConfigOption.Builder<Integer> steps() {
        return ConfigOption.builder("steps", ValueType.INT).flag("--steps", "N").help("Training steps of the whole run.")
                .range(Range.atLeast(1)).resumable();
    }

    /** {@code --lr RATE}: the Adam learning rate (checked by the command's record). */
    public static ConfigOption.Builder<Double> learningRate() {
        return ConfigOption.builder("learningRate", ValueType.DOUBLE).flag("--lr", "RATE").help("Adam learning rate.");
    }

    /** {@code --checkpoint-every N}: steps between checkpoints (one is also written at the end). */
    public static ConfigOption.Builder<Integer> checkpointEvery() {
        return ConfigOption.builder("checkpointEvery", ValueType.INT).flag("--checkpoint-every", "N")
                .help("Steps between checkpoints.").range(Range.atLeast(1)).resumable();
    }

    /** {@code --keep-checkpoints K}: how many of the newest checkpoints are kept, 3 by default. */
    public static ConfigOption.Builder<Integer> keepCheckpoints() {
        return ConfigOption.builder("keepCheckpoints", ValueType.INT).flag("--keep-checkpoints", "K")
                .help("Newest checkpoints kept.").range(Range.atLeast(1)).resumable().byDefault(3);
    }

    /** {@code --plot-every N}: steps between refreshes of the loss curve. */
    public static ConfigOption.Builder<Integer> plotEvery() {
        return ConfigOption.builder("plotEvery", ValueType.INT).flag("--plot-every", "N")
                .help("Steps between loss-curve refreshes.").range(Range.atLeast(1)).resumable();
    }

    /** {@code --output DIR}: the folder of new run folders, {@code runs} by default. */
    public static ConfigOption.Builder<Path> output() {
        return ConfigOption.builder("output", ValueType.PATH).flag("--output", "DIR")
                .help("Where new run folders COMMAND-YYYYMMDD-HHMMSS are made.").byDefault(Path.of("runs"));
    }

    /** {@code --run-dir DIR}: the run folder itself instead of a new time-stamped one. */
    public static ConfigOption.Builder<Path> runDir() {
        return ConfigOption.builder("runDir", ValueType.PATH).flag("--run-dir", "DIR")
                .help("The run folder itself (must be new or empty).").noneByDefault();
    }

    /** {@code --intensity}: the normalisation of the images (the command states the default). */
    public static ConfigOption.Builder<Intensity> intensity() {
        return ConfigOption.builder("intensity", ValueType.choice(Intensity.class)).flag("--intensity")
                .help("Normalisation of the images: CT in HU (−1024..1024), CT in HU under the soft-tissue window"
                        + " (−160..240), CT holding HU+1024, MR min-max, or none.");
    }
}
