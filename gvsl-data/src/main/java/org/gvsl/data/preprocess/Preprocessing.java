package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fixed preprocessing of a dataset's volumes, in this order: reorientation to RAS (optional, default on),
 * resampling to a target spacing (optional; trilinear for images, nearest for labels), then intensity
 * normalisation (images only; default none).
 *
 * <p>Example for CT in HU at 1.5 mm: {@code Preprocessing.builder().optTargetSpacing(1.5, 1.5, 1.5)
 * .optIntensity(CtIntensity.hounsfield()).build()}.
 */
public final class Preprocessing {

    private final boolean canonical;
    private final double[] targetSpacing;
    private final IntensityNormalization intensity;

    private Preprocessing(Builder b) {
        this.canonical = b.canonical;
        this.targetSpacing = b.targetSpacing;
        this.intensity = b.intensity;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** Only reorientation to RAS: no resampling, no intensity change. */
    public static Preprocessing orientationOnly() {
        return builder().build();
    }

    /** The preprocessed image. */
    public Volume image(Volume image) {
        return intensity.apply(geometry(image, Interpolation.LINEAR));
    }

    /** The preprocessed label map: same grid as {@link #image}, nearest-neighbour, values unchanged. */
    public Volume labels(Volume labels) {
        return geometry(labels, Interpolation.NEAREST);
    }

    private Volume geometry(Volume v, Interpolation interpolation) {
        Volume out = canonical ? Reorientation.toCanonical(v) : v;
        return targetSpacing == null ? out : Resampler.resample(out, targetSpacing, interpolation);
    }

    @Override
    public String toString() {
        return "Preprocessing[canonical=" + canonical + ", targetSpacing="
                + (targetSpacing == null ? "keep" : Arrays.toString(targetSpacing)) + ", intensity=" + intensity + "]";
    }

    /** Options of a {@link Preprocessing}. */
    public static final class Builder {
        private boolean canonical = true;
        private double[] targetSpacing;
        private IntensityNormalization intensity = IntensityNormalization.none();

        private Builder() {
        }

        /** Whether to reorient to RAS first (default true). */
        public Builder optCanonicalOrientation(boolean canonical) {
            this.canonical = canonical;
            return this;
        }

        /** Resample to this spacing in mm, {@code (D, H, W)} (default: keep each file's spacing). */
        public Builder optTargetSpacing(double d, double h, double w) {
            double[] s = {d, h, w};
            if (Arrays.stream(s).anyMatch(x -> !(x > 0) || !Double.isFinite(x))) {
                throw new IllegalArgumentException("target spacing must be finite and positive, got " + Arrays.toString(s));
            }
            this.targetSpacing = s;
            return this;
        }

        /** Intensity normalisation of images (default none). */
        public Builder optIntensity(IntensityNormalization intensity) {
            this.intensity = Objects.requireNonNull(intensity, "intensity");
            return this;
        }

        /** The configured {@link Preprocessing}. */
        public Preprocessing build() {
            return new Preprocessing(this);
        }
    }
}
