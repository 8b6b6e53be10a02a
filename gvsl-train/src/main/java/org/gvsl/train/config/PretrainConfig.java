package org.gvsl.train.config;

import org.gvsl.model.gvsl.GvslConfig;

import java.nio.file.Path;

/**
 * Everything that defines a GVSL pre-training run, immutable: the model and optimiser ({@link GvslConfig}, which
 * holds the seed), the data, the crop and batch, the number of steps, and the run's checkpoint, monitoring and
 * machine settings. Saved as {@code config.json} in the run folder ({@link ConfigJson}) and read back from it on
 * resume; the JSON keys are the component names.
 *
 * <p>Each component is an option of {@link PretrainOptions}, which states its meaning, flag, default (per {@link
 * Profile}: whether {@code data} is set), range and whether a resume may change it, and checks the range when a
 * configuration is resolved ({@link ConfigLayers}, {@link #builder()}). This record checks only what relates two
 * components; the model checks its own values. One seed drives everything: the parameter initialisation, the
 * batch of every step ({@code IndexedRandom.forIndex(seed, step)} in the loader), the synthetic data and the
 * preview pair.
 */
public record PretrainConfig(GvslConfig model, Path data, int syntheticCount, int syntheticSize, Intensity intensity,
                             Double spacing, int crop, int batch, int steps, boolean spatialAugmentation,
                             boolean skipBadFiles, int workers, int threads, int checkpointEvery, int keepCheckpoints,
                             int plotEvery, int previewEvery, boolean uiStats, Path output, Path runDir) {

    public PretrainConfig {
        if (data == null && crop > syntheticSize) {
            throw new IllegalArgumentException("crop " + crop + " is larger than the synthetic volumes (syntheticSize "
                    + syntheticSize + "); lower crop or raise syntheticSize");
        }
    }

    /** A builder holding the defaults (the demo's, or the paper's once {@link PretrainOptions#DATA} is set). */
    public static ConfigBuilder<PretrainConfig> builder() {
        return PretrainOptions.TABLE.builder();
    }

    /** The seed of the run (the model's: one seed drives initialisation, batches and synthetic data). */
    public long seed() {
        return model.seed();
    }
}
