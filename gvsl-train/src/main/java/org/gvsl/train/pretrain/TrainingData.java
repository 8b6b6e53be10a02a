package org.gvsl.train.pretrain;

import org.gvsl.core.random.IndexedRandom;
import org.gvsl.data.augment.AppearanceTransform;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.loader.ErrorPolicy;
import org.gvsl.data.loader.GvslPairSampler;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.loader.VolumeSource;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.IntensityNormalization;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCase;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.registration.RegistrationPair;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's pairs come from: a pair sampler over the training volumes (method.md §5–6: two different volumes,
 * random crops, the same spatial augmentation, the appearance transform of x_A), a fixed preview pair, and the
 * held-out pairs that show whether the model registers.
 *
 * <p>With a data folder the volumes are its NIfTI images, reoriented to RAS, optionally resampled, and normalised
 * as configured; the preview pairs are drawn from the same volumes by the sampler (with {@link RunSeeds#preview}),
 * without labels, and there are no held-out pairs. Without one they are the built-in synthetic CT volumes
 * ({@link SyntheticAnatomy}, seeded by {@link RunSeeds#syntheticData}), generated in memory in HU and normalised
 * as configured (the demo's default: the soft-tissue window), and {@value #HELD_OUT_VOLUMES} more synthetic volumes that training never sees make the held-out
 * pairs: volumes {@code 2k} and {@code 2k + 1} in both directions, each cut to the crop by the same centred window
 * (as two scans of one body region; no spatial augmentation), the fixed image appearance-transformed as in
 * training (drawn from {@code forIndex(RunSeeds.preview(seed), pair)}), with both label maps. The first of them
 * are the preview pairs.
 */
public final class TrainingData {

    /** Synthetic volumes held out of training for the preview and the registration check. */
    public static final int HELD_OUT_VOLUMES = 6;

    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

    private final GvslPairSampler sampler;
    private final GvslPairSampler previewSampler;
    private final List<RegistrationPair> heldOut;
    private final int labelClasses;
    private final String description;

    private TrainingData(GvslPairSampler sampler, GvslPairSampler previewSampler, List<RegistrationPair> heldOut,
                         int labelClasses, String description) {
        this.sampler = sampler;
        this.previewSampler = previewSampler;
        this.heldOut = List.copyOf(heldOut);
        this.labelClasses = labelClasses;
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
        IntensityNormalization ct = config.intensity().normalization();
        List<VolumeSource> training = new ArrayList<>();
        for (int i = 0; i < config.syntheticCount(); i++) {
            SyntheticCase c = generator.generate(i);
            training.add(VolumeSource.of(name(c), ct.apply(c.image())));
        }
        List<SyntheticCase> held = new ArrayList<>();
        for (int i = 0; i < HELD_OUT_VOLUMES; i++) {
            SyntheticCase c = generator.generate(config.syntheticCount() + i);
            held.add(new SyntheticCase(c.name(), ct.apply(c.image()), c.labels(), c.classLabel()));
        }
        List<RegistrationPair> pairs = new ArrayList<>();
        AppearanceTransform appearance = AppearanceTransform.gvsl();
        VolumeShape crop = VolumeShape.cube(config.crop());
        for (int k = 0; k + 1 < held.size(); k += 2) {
            pairs.add(heldOutPair(held.get(k), held.get(k + 1), crop, appearance, config.seed(), pairs.size()));
            pairs.add(heldOutPair(held.get(k + 1), held.get(k), crop, appearance, config.seed(), pairs.size()));
        }
        String description = String.format("%d synthetic CT volumes %d³ (+%d held out for the preview and the"
                + " registration check), generated in memory", config.syntheticCount(), config.syntheticSize(),
                HELD_OUT_VOLUMES);
        return new TrainingData(sampler(training, config), null, pairs, generator.structureCount(), description);
    }

    /** Held-out pair {@code index}: A fixed, B moving, both cut by the centred window (class comment). */
    private static RegistrationPair heldOutPair(SyntheticCase a, SyntheticCase b, VolumeShape crop,
                                                AppearanceTransform appearance, long seed, int index) {
        CropWindow window = CropWindow.centred(a.image().shape(), crop);
        Volume target = window.extract(a.image());
        Volume fixed = appearance.apply(target, IndexedRandom.forIndex(RunSeeds.preview(seed), index));
        TrainingPair images = new TrainingPair(fixed, window.extract(b.image()), target, name(a), name(b));
        return new RegistrationPair(images, window.extract(a.labels()), window.extract(b.labels()));
    }

    private static String name(SyntheticCase c) {
        return "synthetic/" + c.name();
    }

    /**
     * Data from given volumes (already normalised to about [0, 1]), with the configuration's crop, augmentation
     * and error policy, and no held-out pairs.
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
        return new TrainingData(trainingSampler, previewSampler, List.of(), 0, description);
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

    /**
     * The preview pairs, the same for every call: the first {@code batch} held-out pairs (repeated if there are
     * fewer), or without them {@code batch} pairs drawn by the preview sampler with {@link RunSeeds#preview}.
     */
    public List<RegistrationPair> previewPairs(int batch, long seed) {
        List<RegistrationPair> pairs = new ArrayList<>(batch);
        if (!heldOut.isEmpty()) {
            for (int i = 0; i < batch; i++) {
                pairs.add(heldOut.get(i % heldOut.size()));
            }
            return pairs;
        }
        for (TrainingPair p : PrefetchingLoader.prepare(previewSampler, RunSeeds.preview(seed), 0, batch)) {
            pairs.add(RegistrationPair.unlabelled(p));
        }
        return pairs;
    }

    /** The labelled held-out pairs (class comment); empty with a data folder. */
    public List<RegistrationPair> heldOutPairs() {
        return heldOut;
    }

    /** K of the held-out pairs' label maps (labels 0..K); 0 without held-out pairs. */
    public int labelClasses() {
        return labelClasses;
    }

    /** One line saying what the data is. */
    public String description() {
        return description;
    }
}
