package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EuclideanDistanceTransformTest {

    /** The definition: the smallest distance over every feature voxel. */
    private static double[] bruteForce(boolean[] features, VolumeShape shape, double[] spacing) {
        double[] out = new double[features.length];
        for (int d = 0; d < shape.depth(); d++) {
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int fd = 0; fd < shape.depth(); fd++) {
                        for (int fh = 0; fh < shape.height(); fh++) {
                            for (int fw = 0; fw < shape.width(); fw++) {
                                if (features[shape.index(fd, fh, fw)]) {
                                    double a = (d - fd) * spacing[0];
                                    double b = (h - fh) * spacing[1];
                                    double c = (w - fw) * spacing[2];
                                    best = Math.min(best, Math.sqrt(a * a + b * b + c * c));
                                }
                            }
                        }
                    }
                    out[shape.index(d, h, w)] = best;
                }
            }
        }
        return out;
    }

    @Test
    void equalsBruteForceOnRandomMasksWithAnisotropicSpacing() {
        Random random = new Random(11);
        VolumeShape[] shapes = {new VolumeShape(6, 7, 5), new VolumeShape(1, 1, 9), new VolumeShape(9, 1, 1),
                new VolumeShape(3, 8, 1), new VolumeShape(4, 4, 4), new VolumeShape(11, 3, 6)};
        int compared = 0;
        for (VolumeShape shape : shapes) {
            for (double density : new double[] {0.01, 0.05, 0.2, 0.5, 0.9}) {
                double[] spacing = {0.3 + 3 * random.nextDouble(), 0.3 + 3 * random.nextDouble(),
                        0.3 + 3 * random.nextDouble()};
                boolean[] features = Masks.random(shape, density, random);
                double[] expected = bruteForce(features, shape, spacing);
                double[] actual = EuclideanDistanceTransform.of(features, shape, spacing);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, expected[i]),
                            shape + " density " + density + " voxel " + i);
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void oneFeatureGivesItsDistancesAndNoneGivesInfinity() {
        VolumeShape shape = new VolumeShape(3, 4, 5);
        boolean[] features = new boolean[shape.voxelCount()];
        features[shape.index(0, 0, 0)] = true;
        double[] distances = EuclideanDistanceTransform.of(features, shape, new double[] {1, 2, 3});
        assertEquals(0, distances[0]);
        // (2, 3, 4) − (0, 0, 0) in mm: (2·1, 3·2, 4·3) → sqrt(4 + 36 + 144)
        assertEquals(Math.sqrt(184), distances[shape.index(2, 3, 4)], 1e-15);
        for (double d : EuclideanDistanceTransform.of(new boolean[shape.voxelCount()], shape, new double[] {1, 1, 1})) {
            assertEquals(Double.POSITIVE_INFINITY, d);
        }
    }

    @Test
    void rejectsBadSpacingAndLengths() {
        VolumeShape shape = VolumeShape.cube(2);
        IllegalArgumentException spacing = assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.of(new boolean[8], shape, new double[] {1, 0, 1}));
        assertTrue(spacing.getMessage().contains("spacing must be finite and positive, got [1.0, 0.0, 1.0]"),
                spacing.getMessage());
        IllegalArgumentException axes = assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.of(new boolean[8], shape, new double[] {1, 1}));
        assertTrue(axes.getMessage().contains("spacing needs 3 values"), axes.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.of(new boolean[7], shape, new double[] {1, 1, 1}));
        assertTrue(length.getMessage().contains("features has 7 voxels"), length.getMessage());
    }
}
