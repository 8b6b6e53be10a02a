package org.gvsl.data.augment;

import org.gvsl.core.random.Uniform;

import java.util.random.RandomGenerator;

/**
 * Draws random {@link AffineParameters}; the defaults are GVSL's spatial augmentation (method.md §6): rotation
 * U(−π/9, π/9) per axis, scale U(0.75, 1.25) per axis, six shear angles U(−π/18, π/18), translation U(−0.1, 0.1)
 * per axis in normalised units.
 *
 * <p>Draws, in order, each as {@code lo + (hi − lo)·rng.nextDouble()}: rotation x, y, z; scale x, y, z; shear xy,
 * xz, yx, yz, zx, zy; translation x, y, z (15 draws, the reference's order).
 */
public final class RandomAffine {

    private final double maxRotation;
    private final double minScale;
    private final double maxScale;
    private final double maxShear;
    private final double maxTranslation;

    private RandomAffine(Builder b) {
        this.maxRotation = b.maxRotation;
        this.minScale = b.minScale;
        this.maxScale = b.maxScale;
        this.maxShear = b.maxShear;
        this.maxTranslation = b.maxTranslation;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** GVSL's ranges. */
    public static RandomAffine gvsl() {
        return builder().build();
    }

    /** Draws one affine as documented. */
    public AffineParameters draw(RandomGenerator rng) {
        double[] rotation = new double[3];
        double[] scale = new double[3];
        double[] shear = new double[6];
        double[] translation = new double[3];
        for (int i = 0; i < 3; i++) {
            rotation[i] = Uniform.draw(rng, -maxRotation, maxRotation);
        }
        for (int i = 0; i < 3; i++) {
            scale[i] = Uniform.draw(rng, minScale, maxScale);
        }
        for (int i = 0; i < 6; i++) {
            shear[i] = Uniform.draw(rng, -maxShear, maxShear);
        }
        for (int i = 0; i < 3; i++) {
            translation[i] = Uniform.draw(rng, -maxTranslation, maxTranslation);
        }
        return AffineParameters.compose(rotation, scale, shear, translation);
    }

    @Override
    public String toString() {
        return "RandomAffine[rotation=±" + maxRotation + ", scale=" + minScale + ".." + maxScale + ", shear=±" + maxShear
                + ", translation=±" + maxTranslation + "]";
    }

    /** Ranges of a {@link RandomAffine}; the defaults are GVSL's. */
    public static final class Builder {
        private double maxRotation = Math.PI / 9;
        private double minScale = 0.75;
        private double maxScale = 1.25;
        private double maxShear = Math.PI / 18;
        private double maxTranslation = 0.1;

        private Builder() {
        }

        /** Rotation U(−max, max) radians per axis (default π/9); must be in [0, π]. */
        public Builder optMaxRotation(double radians) {
            if (!(radians >= 0 && radians <= Math.PI)) {
                throw new IllegalArgumentException("max rotation must be in [0, pi] radians, got " + radians);
            }
            this.maxRotation = radians;
            return this;
        }

        /** Scale U(min, max) per axis (default 0.75..1.25); {@code 0 < min <= max}. */
        public Builder optScale(double min, double max) {
            if (!(min > 0 && min <= max && Double.isFinite(max))) {
                throw new IllegalArgumentException("scale range must satisfy 0 < min <= max, got " + min + ".." + max);
            }
            this.minScale = min;
            this.maxScale = max;
            return this;
        }

        /** Shear angles U(−max, max) radians (default π/18); must be in [0, π/4]. */
        public Builder optMaxShear(double radians) {
            if (!(radians >= 0 && radians <= Math.PI / 4)) {
                throw new IllegalArgumentException("max shear must be in [0, pi/4] radians, got " + radians);
            }
            this.maxShear = radians;
            return this;
        }

        /** Translation U(−max, max) per axis in normalised units (default 0.1). */
        public Builder optMaxTranslation(double normalised) {
            if (!(normalised >= 0 && Double.isFinite(normalised))) {
                throw new IllegalArgumentException("max translation must be finite and >= 0, got " + normalised);
            }
            this.maxTranslation = normalised;
            return this;
        }

        /** The configured {@link RandomAffine}. */
        public RandomAffine build() {
            return new RandomAffine(this);
        }
    }
}
