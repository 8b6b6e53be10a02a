package org.gvsl.train.config;

import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.preprocess.IntensityNormalization;
import org.gvsl.data.preprocess.MinMaxIntensity;

/** How the voxel values of a data folder are normalised to about [0, 1] before training (method.md §6). */
public enum Intensity {
    /** CT in Hounsfield units: {@code clip(HU + 1024, 0, 2048) / 2048}. */
    CT,
    /** CT files that already hold HU + 1024 (as the reference's pre-training set): {@code clip(v, 0, 2048) / 2048}. */
    CT_SHIFTED,
    /** MR: min–max of each volume to [0, 1]. */
    MR,
    /** No change: the files are already normalised. */
    NONE;

    /** The normalisation of the data module. */
    public IntensityNormalization normalization() {
        return switch (this) {
            case CT -> CtIntensity.hounsfield();
            case CT_SHIFTED -> new CtIntensity(0);
            case MR -> new MinMaxIntensity();
            case NONE -> IntensityNormalization.none();
        };
    }
}
