package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;

import java.util.Locale;

/**
 * CT normalisation (method.md §6): {@code v' = clip(v + offset, 0, window) / window}, with the method's window
 * 2048, so HU −1024..1024 map to 0..1 with the default offset 1024.
 *
 * <p>Use offset 1024 for files in Hounsfield units and 0 for files that already hold HU + 1024 (as the
 * reference's pre-training set did). A narrower window shows soft tissue: {@link #softTissue()}, the abdominal
 * window (level 40 HU, width 400 HU), maps HU −160..240 to 0..1. Output in {@code [0, 1]}.
 */
public final class CtIntensity implements IntensityNormalization {

    /** The method's upper clip, in HU + offset. */
    public static final double WINDOW = 2048;

    private final double offset;
    private final double window;

    /** @param offset added before clipping, in HU (finite); the window is the method's {@value #WINDOW} */
    public CtIntensity(double offset) {
        this(offset, WINDOW);
    }

    /**
     * @param offset added before clipping, in HU (finite): minus the lowest HU shown
     * @param window the width of the HU range shown (finite, positive)
     */
    public CtIntensity(double offset, double window) {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("CT offset must be finite, got " + offset);
        }
        if (!(window > 0) || !Double.isFinite(window)) {
            throw new IllegalArgumentException("CT window must be finite and positive, got " + window);
        }
        this.offset = offset;
        this.window = window;
    }

    /** Offset 1024: for files in Hounsfield units. */
    public static CtIntensity hounsfield() {
        return new CtIntensity(1024);
    }

    /** The abdominal soft-tissue window of files in Hounsfield units: level 40, width 400 (HU −160..240). */
    public static CtIntensity softTissue() {
        return new CtIntensity(160, 400);
    }

    @Override
    public Volume apply(Volume volume) {
        float[] out = volume.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (Math.min(Math.max(out[i] + offset, 0), window) / window);
        }
        return volume.withVoxels(out);
    }

    @Override
    public String toString() {
        return window == WINDOW ? String.format(Locale.ROOT, "ct(offset %.0f)", offset)
                : String.format(Locale.ROOT, "ct(offset %.0f, window %.0f)", offset, window);
    }
}
