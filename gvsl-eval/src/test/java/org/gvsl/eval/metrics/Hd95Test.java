package org.gvsl.eval.metrics;

import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.surface.Masks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hd95Test {

    private static final VolumeShape SHAPE = VolumeShape.cube(8);
    /** G: the cube [2, 5]³. */
    private static final boolean[] CUBE = Masks.box(SHAPE, 2, 5, 2, 5, 2, 5);
    /** P: the same cube shifted by one voxel along W, [2, 5]² × [3, 6]. */
    private static final boolean[] SHIFTED = Masks.box(SHAPE, 2, 5, 2, 5, 3, 6);

    /*
     * Cube against the shifted cube, by hand. Each cube has 4³ − 2³ = 56 surface voxels. From a surface voxel
     * (d, h, w) of G to the surface of P (and by the mirror symmetry w ↔ 8 − w the same multiset from P to G):
     *  - d or h on G's boundary {2, 5} (48 voxels): for w ∈ {3, 4, 5} (36 voxels) it is itself on P's surface: 0;
     *    for w = 2 (12 voxels) the nearest is (d, h, 3): one step along W;
     *  - d, h ∈ {3, 4} (8 voxels, w ∈ {2, 5}): w = 5 is inside P, whose nearest surface voxels are (d, h, 6) along W
     *    and (2 or 5, h, 5) along D (one step each); w = 2 is outside P, nearest (d, h, 3), one step along W.
     * With spacing (s_D, s_H, s_W) = (1, 1, 1): 36 zeros and 20 ones. Sorted, P95 is at h = 0.95·55 = 52.25,
     * between x_52 = 1 and x_53 = 1: HD95 = 1.
     * With (1, 1, 2.5): the W steps are 2.5 mm and the D step of the 4 inside voxels 1 mm: 36 × 0, 4 × 1, 16 × 2.5;
     * x_52 = x_53 = 2.5: HD95 = 2.5.
     */
    @Test
    void aCubeAgainstTheShiftedCube() {
        assertEquals(1.0, Hd95.of(SHIFTED, CUBE, SHAPE, new double[] {1, 1, 1}), 1e-15);
        assertEquals(2.5, Hd95.of(SHIFTED, CUBE, SHAPE, new double[] {1, 1, 2.5}), 1e-15);
        assertEquals(0.0, Hd95.of(CUBE, CUBE, SHAPE, new double[] {1, 1, 2.5}));
    }

    /*
     * A row of 5 voxels along W against its first voxel, both touching the volume's border; every voxel of a row
     * is a surface voxel. d(P→G) = (0, 1, 2, 3, 4)·s_W, d(G→P) = (0). P95 of 5 values: h = 0.95·4 = 3.8, between
     * x_3 = 3 and x_4 = 4: 3.8·s_W (the linear interpolation of numpy's default percentile).
     */
    @Test
    void interpolatesBetweenOrderStatistics() {
        VolumeShape shape = new VolumeShape(1, 2, 5);
        boolean[] row = Masks.box(shape, 0, 0, 0, 0, 0, 4);
        boolean[] first = Masks.box(shape, 0, 0, 0, 0, 0, 0);
        assertEquals(3.8, Hd95.of(row, first, shape, new double[] {1, 1, 1}), 1e-12);
        assertEquals(1.9, Hd95.of(first, row, shape, new double[] {3, 7, 0.5}), 1e-12);
    }

    /* Two single voxels (0, 0, 0) and (2, 3, 4) with spacing (1, 2, 3): sqrt(2² + 6² + 12²) = sqrt(184) mm. */
    @Test
    void singleVoxels() {
        VolumeShape shape = new VolumeShape(3, 4, 5);
        assertEquals(Math.sqrt(184), Hd95.of(Masks.box(shape, 0, 0, 0, 0, 0, 0), Masks.box(shape, 2, 2, 3, 3, 4, 4),
                shape, new double[] {1, 2, 3}), 1e-12);
    }

    /*
     * Two ellipsoids, one cut by the volume's border, on a 12×13×10 grid with spacing (2.0, 0.8, 1.3) mm.
     * Expected value computed once with numpy 1.24.2 and scipy 1.10.1 (Debian's /usr/bin/python3), MONAI's
     * definition: edges = m ^ scipy.ndimage.binary_erosion(m); d = distance_transform_edt(~edges_g,
     * sampling=spacing)[edges_p]; HD95 = max(np.percentile(d_pg, 95), np.percentile(d_gp, 95)).
     */
    @Test
    void twoEllipsoidsAsScipyComputesThem() {
        VolumeShape shape = new VolumeShape(12, 13, 10);
        boolean[] p = Masks.ellipsoid(shape, 5.2, 6.1, 4.3, 4.1, 5.3, 3.6);
        boolean[] g = Masks.ellipsoid(shape, 6.3, 7.2, 7.1, 3.7, 4.4, 4.2);
        assertEquals(3.981205847478877, Hd95.of(p, g, shape, new double[] {2.0, 0.8, 1.3}), 1e-12);
    }

    @Test
    void emptyMasks() {
        boolean[] empty = new boolean[SHAPE.voxelCount()];
        assertTrue(Double.isNaN(Hd95.of(empty, empty, SHAPE, new double[] {1, 1, 1})));
        assertEquals(Double.POSITIVE_INFINITY, Hd95.of(empty, CUBE, SHAPE, new double[] {1, 1, 1}));
        assertEquals(Double.POSITIVE_INFINITY, Hd95.of(CUBE, empty, SHAPE, new double[] {1, 1, 1}));
    }
}
