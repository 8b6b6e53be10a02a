package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws random {@link CropWindow}s of a fixed size, optionally centred on a random foreground voxel of a label map.
 *
 * <p>Uniform draw, per axis D, H, W in that order: {@code start = lo + rng.nextInt(hi − lo + 1)} with {@code lo =
 * min(0, S − s)}, {@code hi = max(0, S − s)}: every crop position inside a larger volume is equally likely, and a
 * smaller volume is padded at a random place. Label-guided draw ({@link #draw(Volume, RandomGenerator)} with a
 * foreground probability {@code p > 0}): first {@code u = rng.nextDouble()}; if {@code u < p} and the label map
 * has foreground ({@code label > 0}), {@code k = rng.nextInt(count)} picks the k-th foreground voxel in C order and
 * the box is centred on it ({@code start = voxel − s/2}) and then shifted to lie inside the volume where it fits;
 * otherwise the uniform draw follows.
 */
public final class RandomCrop {

    private final VolumeShape size;
    private final double foregroundProbability;

    private RandomCrop(Builder b) {
        this.size = b.size;
        this.foregroundProbability = b.foregroundProbability;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The crop size. */
    public VolumeShape size() {
        return size;
    }

    /** A uniform crop of a volume of shape {@code volume}. */
    public CropWindow draw(VolumeShape volume, RandomGenerator rng) {
        int[] start = new int[3];
        for (int a = 0; a < 3; a++) {
            int diff = volume.size(a) - size.size(a);
            int lo = Math.min(0, diff);
            int hi = Math.max(0, diff);
            start[a] = lo + rng.nextInt(hi - lo + 1);
        }
        return new CropWindow(start[0], start[1], start[2], size);
    }

    /** A crop of the grid of {@code labels}, centred on a foreground voxel with the configured probability. */
    public CropWindow draw(Volume labels, RandomGenerator rng) {
        VolumeShape shape = labels.shape();
        if (foregroundProbability > 0 && rng.nextDouble() < foregroundProbability) {
            int count = 0;
            for (int i = 0; i < shape.voxelCount(); i++) {
                if (labels.get(i) > 0) {
                    count++;
                }
            }
            if (count > 0) {
                int k = rng.nextInt(count);
                int index = -1;
                for (int i = 0; k >= 0; i++) {
                    if (labels.get(i) > 0) {
                        k--;
                        index = i;
                    }
                }
                int[] voxel = {index / (shape.height() * shape.width()), index / shape.width() % shape.height(),
                        index % shape.width()};
                int[] start = new int[3];
                for (int a = 0; a < 3; a++) {
                    int s = size.size(a);
                    int diff = shape.size(a) - s;
                    int centred = voxel[a] - s / 2;
                    start[a] = diff >= 0 ? Math.min(Math.max(centred, 0), diff) : Math.min(Math.max(centred, diff), 0);
                }
                return new CropWindow(start[0], start[1], start[2], size);
            }
        }
        return draw(shape, rng);
    }

    /** Options of a {@link RandomCrop}. */
    public static final class Builder {
        private VolumeShape size;
        private double foregroundProbability;

        private Builder() {
        }

        /** The crop size (required). */
        public Builder setSize(VolumeShape size) {
            this.size = Objects.requireNonNull(size, "size");
            return this;
        }

        /** Probability of centring on a foreground voxel when a label map is given (default 0: always uniform). */
        public Builder optForegroundProbability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("foreground probability must be in [0, 1], got " + p);
            }
            this.foregroundProbability = p;
            return this;
        }

        /** The {@link RandomCrop}; fails if a required value is missing. */
        public RandomCrop build() {
            if (size == null) {
                throw new IllegalStateException("RandomCrop needs setSize(...)");
            }
            return new RandomCrop(this);
        }
    }
}
