package org.gvsl.data.augment;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElasticFieldTest {

    @Test
    void rebuildsFromTheDocumentedDraws() {
        VolumeShape s = new VolumeShape(6, 7, 8);
        DisplacementField u = new ElasticField(2, 5, 1, 2).draw(s, new SplittableRandom(13));
        SplittableRandom rng = new SplittableRandom(13);
        double alpha = 2 + 3 * rng.nextDouble();
        double sigma = 1 + rng.nextDouble();
        float[][] noise = new float[3][s.voxelCount()];
        for (float[] c : noise) {
            for (int i = 0; i < c.length; i++) {
                c[i] = rng.nextFloat() * 2 - 1;
            }
        }
        for (int c = 0; c < 3; c++) {
            float[] expected = new GaussianSmoothing(sigma).apply(noise[c], s);
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= (float) alpha;
            }
            assertArrayEquals(expected, u.channel(c), 0f, "channel " + c);
        }
    }

    @Test
    void interiorStandardDeviationMatchesTheSmoothedNoise() {
        // Away from the border, u = alpha * sum_k w_k N_k with w the 3-D kernel: var = alpha^2 (1/3) sum w^2.
        double sigma = 1.5;
        double alpha = 40;
        GaussianSmoothing g = new GaussianSmoothing(sigma);
        double sumSq = 0;
        for (float k : g.kernel()) {
            sumSq += k * k;
        }
        double expectedStd = alpha * Math.sqrt(1.0 / 3) * Math.pow(sumSq, 1.5);
        VolumeShape s = VolumeShape.cube(32);
        DisplacementField u = new ElasticField(alpha, alpha, sigma, sigma).draw(s, new SplittableRandom(1));
        int r = g.radius();
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int c = 0; c < 3; c++) {
            for (int d = r; d < 32 - r; d++) {
                for (int h = r; h < 32 - r; h++) {
                    for (int w = r; w < 32 - r; w++) {
                        double v = u.get(c, d, h, w);
                        sum += v;
                        sq += v * v;
                        n++;
                    }
                }
            }
        }
        double std = Math.sqrt(sq / n - (sum / n) * (sum / n));
        assertEquals(expectedStd, std, 0.1 * expectedStd);
        assertEquals(0, sum / n, 0.1 * expectedStd);
    }

    @Test
    void rejectsBadRanges() {
        String alpha = assertThrows(IllegalArgumentException.class, () -> new ElasticField(-1, 1, 1, 2)).getMessage();
        assertTrue(alpha.contains("alpha range must satisfy 0 <= min <= max, got -1.0..1.0"), alpha);
        String sigma = assertThrows(IllegalArgumentException.class, () -> new ElasticField(0, 1, 3, 2)).getMessage();
        assertTrue(sigma.contains("sigma range must satisfy 0 < min <= max, got 3.0..2.0"), sigma);
    }
}
