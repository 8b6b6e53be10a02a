package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceDistancesTest {

    /** The definition on the whole volume: each surface voxel of {@code from} to the nearest one of {@code to}. */
    private static double[] bruteForce(boolean[] from, boolean[] to, VolumeShape shape, double[] spacing) {
        boolean[] fromSurface = MaskSurface.of(from, shape);
        boolean[] toSurface = MaskSurface.of(to, shape);
        int count = 0;
        for (boolean b : fromSurface) {
            count += b ? 1 : 0;
        }
        double[] out = new double[count];
        int j = 0;
        for (int i = 0; i < from.length; i++) {
            if (!fromSurface[i]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < to.length; k++) {
                if (toSurface[k]) {
                    double a = (i / (shape.height() * shape.width()) - k / (shape.height() * shape.width())) * spacing[0];
                    double b = (i / shape.width() % shape.height() - k / shape.width() % shape.height()) * spacing[1];
                    double c = (i % shape.width() - k % shape.width()) * spacing[2];
                    best = Math.min(best, Math.sqrt(a * a + b * b + c * c));
                }
            }
            out[j++] = best;
        }
        return out;
    }

    @Test
    void theBoundingBoxCropGivesTheDistancesOfTheWholeVolume() {
        Random random = new Random(3);
        VolumeShape shape = new VolumeShape(9, 8, 10);
        double[] spacing = {2.5, 0.7, 1.1};
        for (int trial = 0; trial < 12; trial++) {
            // blobs of random voxels inside random boxes, so that the union's box is smaller than the volume
            boolean[] prediction = and(Masks.random(shape, 0.6, random), randomBox(shape, random));
            boolean[] truth = and(Masks.random(shape, 0.6, random), randomBox(shape, random));
            SurfaceDistances s = SurfaceDistances.of(prediction, truth, shape, spacing);
            assertArrayEquals(bruteForce(prediction, truth, shape, spacing), s.predictionToTruth(), 1e-12);
            assertArrayEquals(bruteForce(truth, prediction, shape, spacing), s.truthToPrediction(), 1e-12);
        }
    }

    @Test
    void theLabelFormSelectsTheClass() {
        VolumeShape shape = new VolumeShape(4, 5, 6);
        int[] prediction = new int[shape.voxelCount()];
        int[] truth = new int[shape.voxelCount()];
        boolean[] p = Masks.box(shape, 0, 2, 1, 3, 0, 2);
        boolean[] g = Masks.box(shape, 1, 3, 1, 4, 1, 5);
        for (int i = 0; i < prediction.length; i++) {
            prediction[i] = p[i] ? 2 : (i % 3 == 0 ? 1 : 0);
            truth[i] = g[i] ? 2 : (i % 5 == 0 ? 1 : 0);
        }
        double[] spacing = {1, 2, 3};
        SurfaceDistances byLabel = SurfaceDistances.ofLabel(prediction, truth, 2, shape, spacing);
        SurfaceDistances byMask = SurfaceDistances.of(p, g, shape, spacing);
        assertArrayEquals(byMask.predictionToTruth(), byLabel.predictionToTruth());
        assertArrayEquals(byMask.truthToPrediction(), byLabel.truthToPrediction());
    }

    @Test
    void anEmptyMaskHasNoDistancesAndTheOtherInfiniteOnes() {
        VolumeShape shape = VolumeShape.cube(4);
        boolean[] empty = new boolean[64];
        boolean[] cube = Masks.box(shape, 0, 1, 0, 1, 0, 1);
        SurfaceDistances s = SurfaceDistances.of(empty, cube, shape, new double[] {1, 1, 1});
        assertTrue(s.predictionEmpty());
        assertFalse(s.truthEmpty());
        assertEquals(0, s.predictionToTruth().length);
        // a 2×2×2 cube touching the border: all 8 voxels are surface
        assertArrayEquals(new double[] {inf(), inf(), inf(), inf(), inf(), inf(), inf(), inf()},
                s.truthToPrediction());
        SurfaceDistances none = SurfaceDistances.of(empty, empty, shape, new double[] {1, 1, 1});
        assertTrue(none.predictionEmpty() && none.truthEmpty());
    }

    @Test
    void rejectsMapsOfAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurfaceDistances.ofLabel(new int[8], new int[9], 1, VolumeShape.cube(2), new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("truth has 9 voxels"), e.getMessage());
    }

    private static double inf() {
        return Double.POSITIVE_INFINITY;
    }

    private static boolean[] randomBox(VolumeShape shape, Random random) {
        int d0 = random.nextInt(shape.depth());
        int h0 = random.nextInt(shape.height());
        int w0 = random.nextInt(shape.width());
        return Masks.box(shape, d0, d0 + random.nextInt(shape.depth() - d0), h0, h0 + random.nextInt(shape.height() - h0),
                w0, w0 + random.nextInt(shape.width() - w0));
    }

    private static boolean[] and(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] && b[i];
        }
        return out;
    }
}
