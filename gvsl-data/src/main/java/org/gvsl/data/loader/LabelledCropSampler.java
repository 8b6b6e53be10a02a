package org.gvsl.data.loader;

import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.RandomCrop;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws supervised segmentation crops (spec §7): a labelled case, the same random crop of its image and its label
 * map, optionally the same flips and spatial augmentation of both (the image trilinear, the labels nearest
 * neighbour), for {@link PrefetchingLoader}.
 *
 * <p>Draws, in order: the case ({@code rng.nextInt(n)}); the crop ({@link RandomCrop#draw(Volume,
 * RandomGenerator)} on the label map: with foreground probability p &gt; 0 first {@code u = rng.nextDouble()}, and if
 * {@code u < p} the crop is centred on a uniformly drawn foreground voxel, else the uniform draw of every position;
 * p = 0, the default and the reference's, is the uniform draw alone); the flip's draws (if a {@link RandomFlip} is
 * set); the spatial draw for the crop shape (if one is set). The reference trains on uniform crops without
 * augmentation. A volume smaller than the crop is zero-padded (the labels with background).
 *
 * <p>Cases are loaded through their sources on first use and kept in an LRU cache ({@link Builder#optCacheBytes});
 * the image and its label map must have the same shape after preprocessing. An unreadable file, a label map of
 * another shape or a label outside {@code [0, K)} stops the loader with a {@link DataLoadingException} naming the
 * file (a supervised set is small and every case counts: there is no skip policy). Thread-safe.
 */
public final class LabelledCropSampler implements BatchSampler<LabelledCrop, LabelledBatch> {

    private final List<LabelledSource> cases;
    /** Image of case i at index 2i, its label map at 2i + 1. */
    private final VolumeCache volumes;
    private final RandomCrop crop;
    private final int classes;
    private final RandomFlip flip;
    private final SpatialAugmentation spatial;

    private LabelledCropSampler(Builder b) {
        this.cases = b.sources;
        List<VolumeSource> flat = new ArrayList<>(2 * b.sources.size());
        for (LabelledSource s : b.sources) {
            flat.add(s.image());
            flat.add(s.labels());
        }
        this.volumes = new VolumeCache(flat, b.cacheBytes);
        this.crop = RandomCrop.builder().setSize(b.cropShape).optForegroundProbability(b.foregroundProbability).build();
        this.classes = b.classes;
        this.flip = b.flip;
        this.spatial = b.spatial;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The crop shape {@code [D, H, W]}. */
    public VolumeShape cropShape() {
        return crop.size();
    }

    /** K, the number of classes including background. */
    public int classes() {
        return classes;
    }

    /** Number of labelled cases. */
    public int size() {
        return cases.size();
    }

    /**
     * Draws one crop as the class comment documents.
     *
     * @throws DataLoadingException naming the file that could not be loaded or does not fit its image
     */
    @Override
    public LabelledCrop sample(RandomGenerator rng) {
        int i = rng.nextInt(cases.size());
        Volume image = volumes.get(2 * i);
        Volume labels = volumes.get(2 * i + 1);
        if (!image.shape().equals(labels.shape())) {
            throw new DataLoadingException(volumes.name(2 * i + 1), volumes.name(2 * i + 1) + ": label map shape "
                    + labels.shape() + " differs from its image's " + image.shape() + " (" + volumes.name(2 * i) + ")",
                    null);
        }
        CropWindow window = crop.draw(labels, rng);
        List<Volume> pair = List.of(window.extract(image), window.extract(labels));
        if (flip != null) {
            pair = flip.apply(pair, rng);
        }
        if (spatial != null) {
            pair = spatial.apply(pair, List.of(Interpolation.LINEAR, Interpolation.NEAREST), rng);
        }
        return new LabelledCrop(pair.get(0), pair.get(1), volumes.name(2 * i));
    }

    /** {@link LabelledBatch#of} with this sampler's class count. */
    @Override
    public LabelledBatch batch(long step, List<LabelledCrop> crops) {
        return LabelledBatch.of(step, crops, classes);
    }

    @Override
    public String toString() {
        return "LabelledCropSampler[" + cases.size() + " cases, crop " + crop.size() + ", " + classes
                + " classes, flip " + flip + ", spatial " + spatial + "]";
    }

    /** Configuration of a {@link LabelledCropSampler}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private List<LabelledSource> sources;
        private VolumeShape cropShape;
        private int classes;
        private double foregroundProbability;
        private RandomFlip flip;
        private SpatialAugmentation spatial;
        private long cacheBytes = 2L << 30;

        private Builder() {
        }

        /** The labelled cases (required, at least one), e.g. {@link LabelledSource#of}. */
        public Builder setSources(List<LabelledSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /** The training crop {@code [D, H, W]} (required); smaller volumes are zero-padded. */
        public Builder setCropShape(VolumeShape shape) {
            this.cropShape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** K, the classes including background (required, ≥ 2): labels must lie in {@code [0, K)}. */
        public Builder setClasses(int classes) {
            if (classes < 2) {
                throw new IllegalArgumentException("segmentation needs at least 2 classes (background included), got "
                        + classes);
            }
            this.classes = classes;
            return this;
        }

        /** Probability of centring a crop on a foreground voxel, in [0, 1] (default 0: uniform, the reference's). */
        public Builder optForegroundProbability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("foreground probability must be in [0, 1], got " + p);
            }
            this.foregroundProbability = p;
            return this;
        }

        /** Random flips of image and labels alike (default none). */
        public Builder optFlip(RandomFlip flip) {
            this.flip = flip;
            return this;
        }

        /** Spatial augmentation of image and labels alike (default none; e.g. {@link SpatialAugmentation#gvsl()}). */
        public Builder optSpatial(SpatialAugmentation spatial) {
            this.spatial = spatial;
            return this;
        }

        /** Memory for loaded images and label maps, in bytes (default 2 GiB; 0 reloads every time). */
        public Builder optCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("cache bytes must be >= 0, got " + bytes);
            }
            this.cacheBytes = bytes;
            return this;
        }

        /** The {@link LabelledCropSampler}; fails if a required value is missing. */
        public LabelledCropSampler build() {
            if (sources == null || sources.isEmpty()) {
                throw new IllegalStateException("LabelledCropSampler needs setSources(...) with at least one case");
            }
            if (cropShape == null) {
                throw new IllegalStateException("LabelledCropSampler needs setCropShape(...)");
            }
            if (classes == 0) {
                throw new IllegalStateException("LabelledCropSampler needs setClasses(...)");
            }
            return new LabelledCropSampler(this);
        }
    }
}
