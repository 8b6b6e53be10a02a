package org.gvsl.train.config;

import org.gvsl.model.gvsl.GvslConfig;

import java.nio.file.Path;

/**
 * Everything that defines a GVSL pre-training run, immutable and validated: the model and optimiser ({@link
 * GvslConfig}, which holds the seed), the data, the crop and batch, the number of steps, and the run's
 * checkpoint, monitoring and machine settings. Saved as {@code config.json} in the run folder ({@link ConfigJson})
 * and read back from it on resume; the JSON keys are the component names below.
 *
 * <p>Defaults: the profile-dependent ones ({@link Profile}: widths, crop, steps, intervals) follow from whether
 * {@code data} is set; the rest are in {@link Builder}. One seed drives everything: the parameter initialisation,
 * the batch of every step ({@code IndexedRandom.forIndex(seed, step)} in the loader), the synthetic data and the
 * preview pair.
 *
 * @param model               widths, NCC window, λ weights, ablation variant, seed, Adam settings
 * @param data                dataset folder ({@code images/} or any NIfTI files below it); null for the built-in
 *                            synthetic CT data
 * @param syntheticCount      synthetic training volumes (ignored with {@code data}); ≥ 2
 * @param syntheticSize       side of the synthetic volumes, voxels (ignored with {@code data}); ≥ 8
 * @param intensity           normalisation of a data folder's voxels (the synthetic data is always CT)
 * @param spacing             isotropic resampling of a data folder in mm; null keeps each file's spacing
 * @param crop                side of the cubic training crop, voxels; ≥ 2
 * @param batch               pairs per step N; ≥ 1
 * @param steps               Adam steps of the whole run; ≥ 1
 * @param spatialAugmentation whether both crops get the GVSL spatial augmentation (affine + elastic)
 * @param skipBadFiles        whether an unreadable volume is skipped with a warning instead of stopping the run
 * @param workers             loader threads preparing batches ahead; ≥ 1
 * @param threads             ND4J/OpenMP threads for the math; 0 keeps ND4J's default (one per core)
 * @param checkpointEvery     steps between checkpoints (one is also written at the end); ≥ 1
 * @param keepCheckpoints     most recent checkpoints kept; ≥ 1
 * @param plotEvery           steps between refreshes of {@code loss-curve.png}; ≥ 1
 * @param previewEvery        steps between refreshes of {@code preview.png}; 0 writes it only at the end
 * @param uiStats             whether to write DL4J training-UI statistics ({@code ui-stats.bin})
 * @param output              folder in which a new run folder {@code pretrain-YYYYMMDD-HHMMSS} is made
 * @param runDir              the run folder itself (overrides {@code output}); null for a new time-stamped one
 */
public record PretrainConfig(GvslConfig model, Path data, int syntheticCount, int syntheticSize, Intensity intensity,
                             Double spacing, int crop, int batch, int steps, boolean spatialAugmentation,
                             boolean skipBadFiles, int workers, int threads, int checkpointEvery, int keepCheckpoints,
                             int plotEvery, int previewEvery, boolean uiStats, Path output, Path runDir) {

    /** The smallest synthetic volume the generator makes. */
    static final int MIN_SYNTHETIC_SIZE = 8;

    public PretrainConfig {
        if (model == null || intensity == null || output == null) {
            throw new IllegalArgumentException("model, intensity and output are required, got model=" + model
                    + ", intensity=" + intensity + ", output=" + output);
        }
        atLeast("syntheticCount", syntheticCount, 2);
        atLeast("syntheticSize", syntheticSize, MIN_SYNTHETIC_SIZE);
        if (spacing != null && !(spacing > 0 && Double.isFinite(spacing))) {
            throw new IllegalArgumentException("spacing must be a positive number of mm (or null to keep each file's),"
                    + " got " + spacing);
        }
        atLeast("crop", crop, 2);
        if (data == null && crop > syntheticSize) {
            throw new IllegalArgumentException("crop " + crop + " is larger than the synthetic volumes (syntheticSize "
                    + syntheticSize + "); lower crop or raise syntheticSize");
        }
        atLeast("batch", batch, 1);
        atLeast("steps", steps, 1);
        atLeast("workers", workers, 1);
        atLeast("threads", threads, 0);
        atLeast("checkpointEvery", checkpointEvery, 1);
        atLeast("keepCheckpoints", keepCheckpoints, 1);
        atLeast("plotEvery", plotEvery, 1);
        atLeast("previewEvery", previewEvery, 0);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
    }

    /** A builder holding the defaults (the demo's, or the paper's once a data folder is set). */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of a profile, as a whole configuration ({@link Profile#PAPER} with data folder {@code "."}). */
    public static PretrainConfig defaults(Profile profile) {
        return profile == Profile.DEMO ? builder().build() : builder().optData(Path.of(".")).build();
    }

    /** The seed of the run (the model's: one seed drives initialisation, batches and synthetic data). */
    public long seed() {
        return model.seed();
    }

    /** {@link Profile#DEMO} without a data folder, {@link Profile#PAPER} with one. */
    public Profile profile() {
        return data == null ? Profile.DEMO : Profile.PAPER;
    }

    /** Builder of {@link PretrainConfig}: every value is optional and has the default its method documents. */
    public static final class Builder {
        private GvslConfig model;
        private Path data;
        private int syntheticCount = 12;
        private int syntheticSize = 48;
        private Intensity intensity = Intensity.CT;
        private Double spacing;
        private Integer crop;
        private int batch = 2;
        private Integer steps;
        private boolean spatialAugmentation = true;
        private boolean skipBadFiles;
        private int workers = 1;
        private int threads;
        private Integer checkpointEvery;
        private int keepCheckpoints = 3;
        private Integer plotEvery;
        private Integer previewEvery;
        private boolean uiStats;
        private Path output = Path.of("runs");
        private Path runDir;

        private Builder() {
        }

        /** Model and optimiser (default: {@link GvslConfig}'s defaults with the profile's widths). */
        public Builder optModel(GvslConfig model) {
            this.model = model;
            return this;
        }

        /** Dataset folder (default none: the synthetic data); setting it selects the paper's defaults. */
        public Builder optData(Path data) {
            this.data = data;
            return this;
        }

        /** Synthetic volumes and their side in voxels (default 12 of 48³). */
        public Builder optSynthetic(int count, int size) {
            this.syntheticCount = count;
            this.syntheticSize = size;
            return this;
        }

        /** Intensity normalisation of a data folder (default {@link Intensity#CT}, files in HU). */
        public Builder optIntensity(Intensity intensity) {
            this.intensity = intensity;
            return this;
        }

        /** Isotropic resampling in mm (default null: keep each file's spacing). */
        public Builder optSpacing(Double mm) {
            this.spacing = mm;
            return this;
        }

        /** Crop side in voxels (default the profile's: 32 demo, 128 paper). */
        public Builder optCrop(int crop) {
            this.crop = crop;
            return this;
        }

        /** Pairs per step (default 2, the paper's). */
        public Builder optBatch(int batch) {
            this.batch = batch;
            return this;
        }

        /** Steps of the run (default the profile's). */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Whether to apply the spatial augmentation (default true). */
        public Builder optSpatialAugmentation(boolean on) {
            this.spatialAugmentation = on;
            return this;
        }

        /** Whether to skip unreadable volumes with a warning (default false: stop). */
        public Builder optSkipBadFiles(boolean skip) {
            this.skipBadFiles = skip;
            return this;
        }

        /** Loader threads (default 1: on a 2-core machine the math uses both cores). */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /** ND4J/OpenMP threads (default 0: one per core). */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Steps between checkpoints (default the profile's). */
        public Builder optCheckpointEvery(int steps) {
            this.checkpointEvery = steps;
            return this;
        }

        /** Checkpoints kept (default 3). */
        public Builder optKeepCheckpoints(int count) {
            this.keepCheckpoints = count;
            return this;
        }

        /** Steps between loss-curve refreshes (default the profile's). */
        public Builder optPlotEvery(int steps) {
            this.plotEvery = steps;
            return this;
        }

        /** Steps between preview refreshes, 0 for only at the end (default the profile's). */
        public Builder optPreviewEvery(int steps) {
            this.previewEvery = steps;
            return this;
        }

        /** Whether to write DL4J training-UI statistics (default false). */
        public Builder optUiStats(boolean on) {
            this.uiStats = on;
            return this;
        }

        /** Parent folder of new run folders (default {@code runs}). */
        public Builder optOutput(Path output) {
            this.output = output;
            return this;
        }

        /** The run folder itself (default null: {@code output/pretrain-YYYYMMDD-HHMMSS}). */
        public Builder optRunDir(Path runDir) {
            this.runDir = runDir;
            return this;
        }

        /** Fills the profile's defaults, validates and builds. */
        public PretrainConfig build() {
            Profile p = data == null ? Profile.DEMO : Profile.PAPER;
            GvslConfig m = model != null ? model : GvslConfig.builder().optWidths(p.widths()).build();
            return new PretrainConfig(m, data, syntheticCount, syntheticSize, intensity, spacing,
                    crop != null ? crop : p.crop(), batch, steps != null ? steps : p.steps(), spatialAugmentation,
                    skipBadFiles, workers, threads, checkpointEvery != null ? checkpointEvery : p.checkpointEvery(),
                    keepCheckpoints, plotEvery != null ? plotEvery : p.plotEvery(),
                    previewEvery != null ? previewEvery : p.previewEvery(), uiStats, output, runDir);
        }
    }
}
