package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;

import java.util.Locale;

/**
 * CT normalisation (method.md §6): {@code v' = clip(v + offset, 0, 2048) / 2048}, so HU −1024..1024 map to 0..1
 * with the default offset 1024.
 *
 * <p>Use offset 1024 for files in Hounsfield units and 0 for files that already hold HU + 1024 (as the
 * reference's pre-training set did). Output in {@code [0, 1]}.
 */
public final class CtIntensity implements IntensityNormalization {

    /** The upper clip, in HU + offset. */
    public static final double WINDOW = 2048;

    private final double offset;

    /** @param offset added before clipping, in HU (finite) */
    public CtIntensity(double offset) {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("CT offset must be finite, got " + offset);
        }
        this.offset = offset;
    }

    /** Offset 1024: for files in Hounsfield units. */
    public static CtIntensity hounsfield() {
        return new CtIntensity(1024);
    }

    @Override
    public Volume apply(Volume volume) {
        float[] out = volume.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (Math.min(Math.max(out[i] + offset, 0), WINDOW) / WINDOW);
        }
        return volume.withVoxels(out);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ct(offset %.0f)", offset);
    }
}
