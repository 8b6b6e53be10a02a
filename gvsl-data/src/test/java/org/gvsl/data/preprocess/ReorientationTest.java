package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReorientationTest {

    @Test
    void lpsBecomesRasWithEveryVoxelInPlace() {
        VolumeShape shape = new VolumeShape(2, 3, 4);
        float[] v = new float[shape.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        // i (W) points Left, j (H) Posterior, k (D) Superior
        VolumeGeometry lps = new VolumeGeometry(new double[] {3, 2, 1},
                new double[][] {{-1, 0, 0, 10}, {0, -2, 0, 20}, {0, 0, 3, 30}, {0, 0, 0, 1}});
        Volume in = new Volume(shape, v, lps);
        Volume ras = Reorientation.toCanonical(in);
        assertEquals("RAS", ras.geometry().orientation());
        assertEquals(shape, ras.shape());
        for (int d = 0; d < 2; d++) {
            for (int h = 0; h < 3; h++) {
                for (int w = 0; w < 4; w++) {
                    // find the voxel of the input at the same world position
                    double[] p = ras.geometry().worldOf(d, h, w);
                    int iw = (int) Math.round((p[0] - 10) / -1);
                    int ih = (int) Math.round((p[1] - 20) / -2);
                    int id = (int) Math.round((p[2] - 30) / 3);
                    assertEquals(in.get(id, ih, iw), ras.get(d, h, w));
                }
            }
        }
        assertEquals(3, ras.get(0, 2, 0), "W and H reversed: (0, 2, 0) is old (0, 0, 3)");
    }

    @Test
    void permutedAxesAreReordered() {
        // i along z, j along x, k along y: the file's axes are a permutation of RAS
        VolumeGeometry g = new VolumeGeometry(new double[] {1, 2, 3},
                new double[][] {{0, 2, 0, 0}, {0, 0, 1, 0}, {3, 0, 0, 0}, {0, 0, 0, 1}});
        Volume in = Volume.zeros(new VolumeShape(5, 6, 7), g);
        Volume ras = Reorientation.toCanonical(in);
        assertEquals("RAS", ras.geometry().orientation());
        assertEquals(new VolumeShape(7, 5, 6), ras.shape()); // D from old i (W=7), H from old k (D=5), W from old j (H=6)
        assertArrayEquals(new double[] {3, 1, 2}, ras.geometry().spacing(), 0);
    }

    @Test
    void rasInputIsReturnedAsIs() {
        Volume v = Volume.zeros(VolumeShape.cube(2), VolumeGeometry.unit());
        assertSame(v, Reorientation.toCanonical(v));
    }
}
