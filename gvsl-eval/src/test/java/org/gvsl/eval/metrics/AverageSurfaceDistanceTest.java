package org.gvsl.eval.metrics;

import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.surface.Masks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AverageSurfaceDistanceTest {

    private static final VolumeShape SHAPE = VolumeShape.cube(8);
    private static final boolean[] CUBE = Masks.box(SHAPE, 2, 5, 2, 5, 2, 5);
    private static final boolean[] SHIFTED = Masks.box(SHAPE, 2, 5, 2, 5, 3, 6);

    /*
     * The distances of Hd95Test's cube against the shifted cube, 56 per direction: 36 × 0 and 20 × 1 with unit
     * spacing, so ASD = 2·20 / 112 = 5/14; with spacing (1, 1, 2.5): 36 × 0, 4 × 1, 16 × 2.5, so
     * ASD = 2·(4 + 40) / 112 = 11/14.
     */
    @Test
    void aCubeAgainstTheShiftedCube() {
        assertEquals(5.0 / 14, AverageSurfaceDistance.of(SHIFTED, CUBE, SHAPE, new double[] {1, 1, 1}), 1e-15);
        assertEquals(11.0 / 14, AverageSurfaceDistance.of(SHIFTED, CUBE, SHAPE, new double[] {1, 1, 2.5}), 1e-15);
    }

    /*
     * A row of 5 voxels against its first voxel: the directions are (0, 1, 2, 3, 4) and (0); pooled, the mean of 6
     * values is 10/6 (not the mean of the two directions' means, 1).
     */
    @Test
    void poolsBothDirections() {
        VolumeShape shape = new VolumeShape(1, 2, 5);
        boolean[] row = Masks.box(shape, 0, 0, 0, 0, 0, 4);
        boolean[] first = Masks.box(shape, 0, 0, 0, 0, 0, 0);
        assertEquals(10.0 / 6, AverageSurfaceDistance.of(row, first, shape, new double[] {1, 1, 1}), 1e-15);
        assertEquals(10.0 / 6 * 0.5, AverageSurfaceDistance.of(first, row, shape, new double[] {9, 9, 0.5}), 1e-15);
    }

    /* Hd95Test's ellipsoids; np.concatenate([d_pg, d_gp]).mean() with numpy 1.24.2 and scipy 1.10.1. */
    @Test
    void twoEllipsoidsAsScipyComputesThem() {
        VolumeShape shape = new VolumeShape(12, 13, 10);
        boolean[] p = Masks.ellipsoid(shape, 5.2, 6.1, 4.3, 4.1, 5.3, 3.6);
        boolean[] g = Masks.ellipsoid(shape, 6.3, 7.2, 7.1, 3.7, 4.4, 4.2);
        assertEquals(1.9820866347197181, AverageSurfaceDistance.of(p, g, shape, new double[] {2.0, 0.8, 1.3}),
                1e-12);
    }

    @Test
    void emptyMasks() {
        boolean[] empty = new boolean[SHAPE.voxelCount()];
        assertTrue(Double.isNaN(AverageSurfaceDistance.of(empty, empty, SHAPE, new double[] {1, 1, 1})));
        assertEquals(Double.POSITIVE_INFINITY, AverageSurfaceDistance.of(empty, CUBE, SHAPE, new double[] {1, 1, 1}));
        assertEquals(Double.POSITIVE_INFINITY, AverageSurfaceDistance.of(CUBE, empty, SHAPE, new double[] {1, 1, 1}));
    }
}
