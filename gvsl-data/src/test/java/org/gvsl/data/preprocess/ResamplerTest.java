package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static Volume row(float... values) {
        return new Volume(new VolumeShape(1, 1, values.length), values, VolumeGeometry.ofSpacing(1, 1, 1));
    }

    @Test
    void upsamplingInterpolatesAndRepeatsTheBorder() {
        Volume up = Resampler.resample(row(0, 1, 2, 3), new double[] {1, 1, 0.5}, Interpolation.LINEAR);
        assertEquals(new VolumeShape(1, 1, 8), up.shape());
        // positions 0, 0.5, ..., 3.5; the last is clamped to 3
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3}, up.toArray(), 1e-6f);
        assertArrayEquals(new double[] {1, 1, 0.5}, up.geometry().spacing(), 0);
        assertArrayEquals(new double[] {1.5, 0, 0}, up.geometry().worldOf(0, 0, 3), 1e-12, "new voxel 3 sits at old 1.5");
    }

    @Test
    void downsamplingPicksEveryOtherVoxelCentre() {
        Volume down = Resampler.resample(row(10, 20, 30, 40, 50), new double[] {1, 1, 2}, Interpolation.LINEAR);
        assertArrayEquals(new float[] {10, 30, 50}, down.toArray(), 0); // round(5 / 2) = 3 voxels at 0, 2, 4
    }

    @Test
    void trilinearHandValueIn3d() {
        // v(d, h, w) = d + 10 h + 100 w on a 2x2x2 grid of spacing 2; spacing 1 gives round(2 * 2 / 1) = 4 voxels per axis
        float[] v = new float[8];
        for (int d = 0; d < 2; d++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 2; w++) {
                    v[(d * 2 + h) * 2 + w] = d + 10 * h + 100 * w;
                }
            }
        }
        Volume in = new Volume(VolumeShape.cube(2), v, VolumeGeometry.ofSpacing(2, 2, 2));
        Volume out = Resampler.resample(in, new double[] {1, 1, 1}, Interpolation.LINEAR);
        assertEquals(VolumeShape.cube(4), out.shape());
        assertEquals(0.5 + 5 + 50, out.get(1, 1, 1), 1e-5); // old position (0.5, 0.5, 0.5)
        assertEquals(1 + 10 + 100, out.get(3, 3, 3), 1e-5); // clamped to the last voxel
    }

    @Test
    void labelsUseNearestAndKeepTheirValues() {
        Volume labels = row(0, 3, 3, 7);
        Volume out = Resampler.resample(labels, new double[] {1, 1, 0.5}, Interpolation.NEAREST);
        // positions 0, .5, 1, 1.5, 2, 2.5, 3, 3.5 -> rint: 0, 0, 1, 2, 2, 2, 3, 3 (clamped)
        assertArrayEquals(new float[] {0, 0, 3, 3, 3, 3, 7, 7}, out.toArray(), 0);
    }

    @Test
    void sameSpacingReturnsTheInputAndBadSpacingIsRejected() {
        Volume v = row(1, 2);
        assertSame(v, Resampler.resample(v, new double[] {1, 1, 1}, Interpolation.LINEAR));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Resampler.resample(v, new double[] {1, 0, 1}, Interpolation.LINEAR)).getMessage().contains("[1.0, 0.0, 1.0]"));
    }
}
