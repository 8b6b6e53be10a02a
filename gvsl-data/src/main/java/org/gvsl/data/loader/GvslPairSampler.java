package org.gvsl.data.loader;

import org.gvsl.data.augment.AppearanceTransform;
import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.preprocess.CropWindow;
import org.gvsl.data.preprocess.RandomCrop;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Draws GVSL pre-training pairs (method.md §5) from a set of volumes: {@code x_A} and {@code x_B} from two
 * different volumes (where there are two), each randomly cropped to the training size, the same optional flip and
 * spatial augmentation applied to both, then the appearance transform of {@code x_A}.
 *
 * <p>Draws, in order: the index of A ({@code rng.nextInt(n)}); the index of B ({@code j = rng.nextInt(n − 1)},
 * {@code +1} if {@code j ≥ a}; B = A when there is one volume); A's crop, then B's ({@link RandomCrop}, uniform);
 * the flip's draws (if a {@link RandomFlip} is set); the spatial draw for the crop shape (if enabled); the
 * appearance transform's draws. With {@link ErrorPolicy#SKIP_AND_WARN} a volume that fails to load is logged,
 * remembered and never used again, and its index is drawn again, which consumes draws in the same way whether the
 * failure was known before or is found now.
 *
 * <p>Volumes are loaded through the sources on first use and kept in an LRU cache ({@link Builder#optCacheBytes}).
 * Thread-safe: the loader's workers share one sampler.
 */
public final class GvslPairSampler implements BatchSampler<TrainingPair, PairBatch> {

    private static final Logger LOG = LoggerFactory.getLogger(GvslPairSampler.class);

    private final VolumeCache volumes;
    private final RandomCrop crop;
    private final AppearanceTransform appearance;
    private final SpatialAugmentation spatial;
    private final RandomFlip flip;
    private final ErrorPolicy errorPolicy;
    private final Set<Integer> failed = ConcurrentHashMap.newKeySet();

    private GvslPairSampler(Builder b) {
        this.volumes = new VolumeCache(b.sources, b.cacheBytes);
        this.crop = RandomCrop.builder().setSize(b.cropShape).build();
        this.appearance = b.appearance;
        this.spatial = b.spatial;
        this.flip = b.flip;
        this.errorPolicy = b.errorPolicy;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The crop shape {@code [D, H, W]} of every pair. */
    public VolumeShape cropShape() {
        return crop.size();
    }

    /**
     * Draws one pair as documented in the class comment.
     *
     * @throws DataLoadingException naming the file, if a volume cannot be loaded under {@link ErrorPolicy#STOP}, or
     *                              if no readable volume is left under {@link ErrorPolicy#SKIP_AND_WARN}
     */
    @Override
    public TrainingPair sample(RandomGenerator rng) {
        int n = volumes.size();
        Loaded a = drawVolume(rng, -1, n);
        Loaded b = n == 1 ? a : drawVolume(rng, a.index, n);
        Volume cropA = cropOf(a.volume, rng);
        Volume cropB = cropOf(b.volume, rng);
        List<Volume> pair = List.of(cropA, cropB);
        if (flip != null) {
            pair = flip.apply(pair, rng);
        }
        if (spatial != null) {
            pair = spatial.apply(pair, List.of(Interpolation.LINEAR, Interpolation.LINEAR), rng);
        }
        Volume target = pair.get(0);
        Volume fixed = appearance == null ? target : appearance.apply(target, rng);
        return new TrainingPair(fixed, pair.get(1), target, volumes.name(a.index), volumes.name(b.index));
    }

    /** {@link PairBatch#of}. */
    @Override
    public PairBatch batch(long step, List<TrainingPair> pairs) {
        return PairBatch.of(step, pairs);
    }

    private Volume cropOf(Volume v, RandomGenerator rng) {
        CropWindow window = crop.draw(v.shape(), rng);
        return window.extract(v);
    }

    /** Draws an index other than {@code exclude} (if ≥ 0) and loads it, as the class comment describes. */
    private Loaded drawVolume(RandomGenerator rng, int exclude, int n) {
        while (true) {
            if (failed.size() >= n || exclude >= 0 && failed.size() >= n - 1 && !failed.contains(exclude)) {
                if (exclude >= 0) {
                    return load(exclude); // every other volume failed: pair A with itself
                }
                throw new DataLoadingException(null, "none of the " + n + " volumes could be read (see the warnings)", null);
            }
            int i;
            if (exclude < 0) {
                i = rng.nextInt(n);
            } else {
                i = rng.nextInt(n - 1);
                if (i >= exclude) {
                    i++;
                }
            }
            if (failed.contains(i)) {
                continue;
            }
            try {
                return load(i);
            } catch (DataLoadingException e) {
                if (errorPolicy == ErrorPolicy.STOP) {
                    throw e;
                }
                if (failed.add(i)) {
                    LOG.warn("skipping {}: {}", e.source(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                }
            }
        }
    }

    private Loaded load(int i) {
        return new Loaded(i, volumes.get(i));
    }

    private record Loaded(int index, Volume volume) {
    }

    @Override
    public String toString() {
        return "GvslPairSampler[" + volumes.size() + " volumes, crop " + crop.size() + ", flip " + flip + ", spatial "
                + spatial + ", appearance " + appearance + ", errors " + errorPolicy + "]";
    }

    /** Configuration of a {@link GvslPairSampler}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private List<VolumeSource> sources;
        private VolumeShape cropShape;
        private AppearanceTransform appearance = AppearanceTransform.gvsl();
        private SpatialAugmentation spatial = SpatialAugmentation.gvsl();
        private RandomFlip flip;
        private ErrorPolicy errorPolicy = ErrorPolicy.STOP;
        private long cacheBytes = 2L << 30;

        private Builder() {
        }

        /** The volumes to draw from (required, at least one), already normalised to about [0, 1]. */
        public Builder setSources(List<VolumeSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /** The training crop {@code [D, H, W]} (required); smaller volumes are zero-padded. */
        public Builder setCropShape(VolumeShape shape) {
            this.cropShape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** The appearance transform of {@code x_A} (default {@link AppearanceTransform#gvsl()}; null for none). */
        public Builder optAppearance(AppearanceTransform appearance) {
            this.appearance = appearance;
            return this;
        }

        /** The spatial augmentation of both crops (default {@link SpatialAugmentation#gvsl()}; null for none). */
        public Builder optSpatial(SpatialAugmentation spatial) {
            this.spatial = spatial;
            return this;
        }

        /** Random flips of both crops (default none; {@link RandomFlip#modelsGenesis()} for Models Genesis's). */
        public Builder optFlip(RandomFlip flip) {
            this.flip = flip;
            return this;
        }

        /** What to do with an unreadable volume (default {@link ErrorPolicy#STOP}). */
        public Builder optErrorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "policy");
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

        /** The {@link GvslPairSampler}; fails if a required value is missing. */
        public GvslPairSampler build() {
            if (sources == null || sources.isEmpty()) {
                throw new IllegalStateException("GvslPairSampler needs setSources(...) with at least one volume");
            }
            if (cropShape == null) {
                throw new IllegalStateException("GvslPairSampler needs setCropShape(...)");
            }
            return new GvslPairSampler(this);
        }
    }
}
