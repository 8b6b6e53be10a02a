package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;

/**
 * MR normalisation (method.md §6): {@code v' = (v − min) / (max − min)} over the volume, so the output spans
 * {@code [0, 1]}. A constant volume maps to all zeros (there is no range to stretch).
 */
public final class MinMaxIntensity implements IntensityNormalization {

    @Override
    public Volume apply(Volume volume) {
        double[] range = volume.range();
        double span = range[1] - range[0];
        float[] out = volume.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = span > 0 ? (float) ((out[i] - range[0]) / span) : 0f;
        }
        return volume.withVoxels(out);
    }

    @Override
    public String toString() {
        return "min-max";
    }
}
