package org.gvsl.train.pretrain;

import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.loader.ErrorPolicy;
import org.gvsl.data.loader.GvslPairSampler;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.data.loader.VolumeSource;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCase;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.PretrainConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's pairs come from: a pair sampler over the training volumes (method.md §5–6: two different volumes,
 * random crops, the same spatial augmentation, the appearance transform of x_A) and a fixed preview pair.
 *
 * <p>With a data folder the volumes are its NIfTI images, reoriented to RAS, optionally resampled, and normalised
 * as configured; the preview pair is drawn from the same volumes. Without one they are the built-in synthetic CT
 * volumes ({@link SyntheticAnatomy}, seeded by {@link RunSeeds#syntheticData}), generated in memory and normalised
 * with the CT window; the preview pair comes from two more synthetic volumes that training never sees.
 */
public final class TrainingData {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

    private final GvslPairSampler sampler;
    private final GvslPairSampler previewSampler;
    private final String description;

    private TrainingData(GvslPairSampler sampler, GvslPairSampler previewSampler, String description) {
        this.sampler = sampler;
        this.previewSampler = previewSampler;
        this.description = description;
    }

    /**
     * The data a configuration names.
     *
     * @throws ConfigException when the data folder does not exist or holds no NIfTI image
     */
    public static TrainingData from(PretrainConfig config) throws ConfigException {
        if (config.data() == null) {
            return synthetic(config);
        }
        if (!Files.isDirectory(config.data())) {
            throw new ConfigException("data folder not found: " + config.data());
        }
        Dataset dataset;
        try {
            dataset = Dataset.fromFolder(config.data());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot use data folder " + config.data() + ": " + e.getMessage(), e);
        }
        Preprocessing.Builder pre = Preprocessing.builder().optIntensity(config.intensity().normalization());
        if (config.spacing() != null) {
            pre.optTargetSpacing(config.spacing(), config.spacing(), config.spacing());
        }
        List<VolumeSource> sources = VolumeSource.images(dataset, pre.build());
        checkFirstVolume(sources.get(0), config);
        String description = String.format("%d volumes in %s (%s intensity%s)", sources.size(), config.data(),
                config.intensity().name().toLowerCase(java.util.Locale.ROOT),
                config.spacing() == null ? "" : ", resampled to " + config.spacing() + " mm");
        return of(sources, sources, config, description);
    }

    /**
     * Loads the first volume, so that an unreadable file is named before training starts (unless bad files are
     * skipped), and warns when it is smaller than the crop: the sampler zero-pads such volumes, which is rarely what
     * one wants.
     */
    private static void checkFirstVolume(VolumeSource first, PretrainConfig config) throws ConfigException {
        int crop = config.crop();
        VolumeShape shape;
        try {
            shape = first.load().shape();
        } catch (IOException | RuntimeException e) {
            if (config.skipBadFiles()) {
                return;
            }
            throw new ConfigException("cannot read " + first.name() + ": " + e.getMessage()
                    + " (--skip-bad-files skips unreadable volumes)", e);
        }
        if (shape.depth() < crop || shape.height() < crop || shape.width() < crop) {
            LOG.warn("the crop {}³ is larger than {} ({} after preprocessing): such volumes are zero-padded to the crop;"
                    + " lower --crop or resample with --spacing", crop, first.name(), shape);
        }
    }

    private static TrainingData synthetic(PretrainConfig config) {
        long seed = RunSeeds.syntheticData(config.seed());
        SyntheticAnatomy generator = SyntheticAnatomy.builder().optShape(VolumeShape.cube(config.syntheticSize()))
                .optSeed(seed).build();
        CtIntensity ct = CtIntensity.hounsfield();
        List<VolumeSource> training = new ArrayList<>();
        List<VolumeSource> preview = new ArrayList<>();
        for (int i = 0; i < config.syntheticCount() + 2; i++) {
            SyntheticCase c = generator.generate(i);
            VolumeSource source = VolumeSource.of("synthetic/" + c.name(), ct.apply(c.image()));
            (i < config.syntheticCount() ? training : preview).add(source);
        }
        String description = String.format("%d synthetic CT volumes %d³ (+2 for the preview), generated in memory",
                config.syntheticCount(), config.syntheticSize());
        return of(training, preview, config, description);
    }

    /**
     * Data from given volumes (already normalised to about [0, 1]), with the configuration's crop, augmentation
     * and error policy.
     *
     * @param training    the volumes pairs are drawn from (at least one)
     * @param preview     the volumes the preview pair is drawn from; when they are the training volumes, the
     *                    preview uses the training sampler and its volume cache instead of a second one
     * @param description for the run's start-up lines
     */
    public static TrainingData of(List<VolumeSource> training, List<VolumeSource> preview, PretrainConfig config,
                                  String description) {
        GvslPairSampler trainingSampler = sampler(training, config);
        GvslPairSampler previewSampler = preview.equals(training) ? trainingSampler : sampler(preview, config);
        return new TrainingData(trainingSampler, previewSampler, description);
    }

    private static GvslPairSampler sampler(List<VolumeSource> sources, PretrainConfig config) {
        return GvslPairSampler.builder()
                .setSources(sources)
                .setCropShape(VolumeShape.cube(config.crop()))
                .optSpatial(config.spatialAugmentation() ? SpatialAugmentation.gvsl() : null)
                .optErrorPolicy(config.skipBadFiles() ? ErrorPolicy.SKIP_AND_WARN : ErrorPolicy.STOP)
                .build();
    }

    /** The sampler of training pairs. */
    public GvslPairSampler sampler() {
        return sampler;
    }

    /** The preview batch: {@code batch} pairs drawn with {@link RunSeeds#preview}, the same for every call. */
    public PairBatch previewBatch(int batch, long seed) {
        return PairBatch.of(0, PrefetchingLoader.prepare(previewSampler, RunSeeds.preview(seed), 0, batch));
    }

    /** One line saying what the data is. */
    public String description() {
        return description;
    }
}
