package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

import java.util.SplittableRandom;

/** Small test volumes for the augmentation tests. */
final class Volumes {

    private Volumes() {
    }

    /** U[0, 1) voxels from a fixed seed. */
    static Volume random(VolumeShape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[shape.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return Volume.adopt(shape, v, VolumeGeometry.unit());
    }

    /** Voxel value = its flat index (every value distinct). */
    static Volume ramp(VolumeShape shape) {
        float[] v = new float[shape.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Volume.adopt(shape, v, VolumeGeometry.unit());
    }
}
