package org.gvsl.data.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoxelSamplerTest {

    /** Values 1..8 at the corners of a 2×2×2 cube, v(d, h, w) = 1 + 4d + 2h + w. */
    private static final Volume CUBE = new Volume(VolumeShape.cube(2), new float[] {1, 2, 3, 4, 5, 6, 7, 8},
            VolumeGeometry.unit());

    @Test
    void linearIsExactOnVoxelsAndTrilinearBetween() {
        VoxelSampler s = new VoxelSampler(CUBE, Interpolation.LINEAR);
        assertEquals(8, s.sample(1, 1, 1));
        assertEquals(4.5, s.sample(0.5, 0.5, 0.5), 1e-6); // mean of 1..8
        assertEquals(1 + 4 * 0.25 + 2 * 0.5 + 0.75, s.sample(0.25, 0.5, 0.75), 1e-6); // linear function
    }

    @Test
    void linearZeroPaddingFadesOverTheLastVoxel() {
        VoxelSampler s = new VoxelSampler(CUBE, Interpolation.LINEAR);
        // half a voxel past w = 1 at (0, 0): 0.5 * v(0,0,1) + 0.5 * 0
        assertEquals(1.0, s.sample(0, 0, 1.5), 1e-6);
        // half a voxel before d = 0 at a corner: 0.5 * 1
        assertEquals(0.5, s.sample(-0.5, 0, 0), 1e-6);
        assertEquals(0, s.sample(-1, 0, 0));
        assertEquals(0, s.sample(0, 2, 0));
        assertEquals(0, s.sample(Double.NaN, 0, 0));
    }

    @Test
    void nearestRoundsHalfToEvenAndPadsWithZero() {
        VoxelSampler s = new VoxelSampler(CUBE, Interpolation.NEAREST);
        assertEquals(1, s.sample(0.4, 0.4, 0.5)); // rint(0.5) = 0
        assertEquals(8, s.sample(0.6, 1.4, 1.2));
        assertEquals(0, s.sample(0, 0, 1.6)); // rint(1.6) = 2 is outside
        assertEquals(0, s.sample(-0.6, 0, 0));
    }
}
