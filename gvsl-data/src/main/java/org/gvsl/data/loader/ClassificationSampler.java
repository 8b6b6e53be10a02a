package org.gvsl.data.loader;

import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.RandomCrop;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws classification samples (spec §7): a case, a random crop of its image of the training size, optionally
 * flipped and spatially augmented, with the case's class, for {@link PrefetchingLoader}. The network sees the
 * same size in training and evaluation: {@link #centred} gives the evaluation input of a case, the crop of that
 * size centred in the volume (zero-padded where the volume is smaller), not the whole volume.
 *
 * <p>Draws, in order: the case ({@code rng.nextInt(n)}); the crop ({@link RandomCrop}, uniform over every
 * position); the flip's draws (if set); the spatial draw (if set). Every case's class must fit the outputs (see
 * {@link ClassificationBatch}); this is checked when the sampler is built. A volume that cannot be loaded stops the
 * loader with a {@link DataLoadingException} naming it. Thread-safe.
 */
public final class ClassificationSampler implements BatchSampler<ClassifiedCrop, ClassificationBatch> {

    private final List<ClassifiedSource> cases;
    private final VolumeCache volumes;
    private final RandomCrop crop;
    private final int outputs;
    private final RandomFlip flip;
    private final SpatialAugmentation spatial;

    private ClassificationSampler(Builder b) {
        this.cases = b.sources;
        this.volumes = new VolumeCache(b.sources.stream().map(ClassifiedSource::image).toList(), b.cacheBytes);
        this.crop = RandomCrop.builder().setSize(b.cropShape).build();
        this.outputs = b.outputs;
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

    /** Number of cases. */
    public int size() {
        return cases.size();
    }

    /**
     * Draws one sample as the class comment documents.
     *
     * @throws DataLoadingException naming the file that could not be loaded
     */
    @Override
    public ClassifiedCrop sample(RandomGenerator rng) {
        int i = rng.nextInt(cases.size());
        Volume image = volumes.get(i);
        List<Volume> crops = List.of(crop.draw(image.shape(), rng).extract(image));
        if (flip != null) {
            crops = flip.apply(crops, rng);
        }
        if (spatial != null) {
            crops = spatial.apply(crops, List.of(Interpolation.LINEAR), rng);
        }
        return new ClassifiedCrop(crops.get(0), cases.get(i).classLabel(), volumes.name(i));
    }

    /** {@link ClassificationBatch#of} with this sampler's output count. */
    @Override
    public ClassificationBatch batch(long step, List<ClassifiedCrop> crops) {
        return ClassificationBatch.of(step, crops, outputs);
    }

    /**
     * The evaluation input of case {@code index}: the crop of the training size centred in the volume ({@link
     * CropWindow#centred}), no augmentation, as a batch of one (step −1).
     *
     * @throws DataLoadingException naming the file that could not be loaded
     */
    public ClassificationBatch centred(int index) {
        Volume image = volumes.get(index);
        Volume centre = CropWindow.centred(image.shape(), crop.size()).extract(image);
        return batch(-1, List.of(new ClassifiedCrop(centre, cases.get(index).classLabel(), volumes.name(index))));
    }

    @Override
    public String toString() {
        return "ClassificationSampler[" + cases.size() + " cases, crop " + crop.size() + ", " + outputs
                + " outputs, flip " + flip + ", spatial " + spatial + "]";
    }

    /** Configuration of a {@link ClassificationSampler}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private List<ClassifiedSource> sources;
        private VolumeShape cropShape;
        private int outputs;
        private RandomFlip flip;
        private SpatialAugmentation spatial;
        private long cacheBytes = 2L << 30;

        private Builder() {
        }

        /** The cases (required, at least one), e.g. {@link ClassifiedSource#of}. */
        public Builder setSources(List<ClassifiedSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /** The crop {@code [D, H, W]} of training and evaluation (required); smaller volumes are zero-padded. */
        public Builder setCropShape(VolumeShape shape) {
            this.cropShape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** K, the number of sigmoid outputs (required, ≥ 1): 1 for a binary class, else one per class. */
        public Builder setOutputs(int outputs) {
            if (outputs < 1) {
                throw new IllegalArgumentException("classification needs at least 1 output, got " + outputs);
            }
            this.outputs = outputs;
            return this;
        }

        /** Random flips (default none). */
        public Builder optFlip(RandomFlip flip) {
            this.flip = flip;
            return this;
        }

        /** Spatial augmentation (default none). */
        public Builder optSpatial(SpatialAugmentation spatial) {
            this.spatial = spatial;
            return this;
        }

        /** Memory for loaded volumes, in bytes (default 2 GiB; 0 reloads every time). */
        public Builder optCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("cache bytes must be >= 0, got " + bytes);
            }
            this.cacheBytes = bytes;
            return this;
        }

        /**
         * The {@link ClassificationSampler}.
         *
         * @throws IllegalStateException    if a required value is missing
         * @throws IllegalArgumentException naming a case whose class does not fit the outputs
         */
        public ClassificationSampler build() {
            if (sources == null || sources.isEmpty()) {
                throw new IllegalStateException("ClassificationSampler needs setSources(...) with at least one case");
            }
            if (cropShape == null) {
                throw new IllegalStateException("ClassificationSampler needs setCropShape(...)");
            }
            if (outputs == 0) {
                throw new IllegalStateException("ClassificationSampler needs setOutputs(...)");
            }
            for (ClassifiedSource s : sources) {
                ClassificationBatch.requireRepresentable(s.classLabel(), outputs, s.image().name());
            }
            return new ClassificationSampler(this);
        }
    }
}
