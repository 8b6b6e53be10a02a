package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;

/** A voxel-wise intensity mapping applied to images (never to label maps) before training. */
public interface IntensityNormalization {

    /** A new volume with every voxel mapped; the input is not changed. */
    Volume apply(Volume volume);

    /** The identity, for data that is already normalised. */
    static IntensityNormalization none() {
        return new IntensityNormalization() {
            @Override
            public Volume apply(Volume volume) {
                return volume;
            }

            @Override
            public String toString() {
                return "none";
            }
        };
    }
}
