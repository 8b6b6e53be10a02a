package org.gvsl.data.augment;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianSmoothingTest {

    @Test
    void kernelIsTheNormalisedTruncatedGaussian() {
        GaussianSmoothing g = new GaussianSmoothing(1.2);
        assertEquals(5, g.radius()); // int(4 * 1.2 + 0.5)
        float[] k = g.kernel();
        double sum = 0;
        for (float v : k) {
            sum += v;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(k[5 + 2] / k[5], Math.exp(-2.0 / 1.44), 1e-6); // k_2 / k_0 = exp(-4 / (2 sigma^2))
        assertEquals(k[5 - 3], k[5 + 3]);
        assertEquals(40, new GaussianSmoothing(10).radius());
        assertEquals(52, new GaussianSmoothing(13).radius());
        String e = assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(0)).getMessage();
        assertTrue(e.contains("sigma must be finite and positive, got 0.0"), e);
    }

    @Test
    void equalsADirectZeroPaddedConvolution() {
        VolumeShape s = new VolumeShape(7, 9, 11);
        float[] data = Volumes.random(s, 4).toArray();
        GaussianSmoothing g = new GaussianSmoothing(1.5);
        float[] fast = g.apply(data, s);
        float[] k = g.kernel();
        int r = g.radius();
        for (int d = 0; d < s.depth(); d++) {
            for (int h = 0; h < s.height(); h++) {
                for (int w = 0; w < s.width(); w++) {
                    double sum = 0;
                    for (int i = -r; i <= r; i++) {
                        for (int j = -r; j <= r; j++) {
                            for (int l = -r; l <= r; l++) {
                                if (s.contains(d + i, h + j, w + l)) {
                                    sum += (double) k[i + r] * k[j + r] * k[l + r] * data[s.index(d + i, h + j, w + l)];
                                }
                            }
                        }
                    }
                    assertEquals(sum, fast[s.index(d, h, w)], 1e-6);
                }
            }
        }
    }

    @Test
    void anImpulseBecomesTheSeparableKernel() {
        VolumeShape s = VolumeShape.cube(9);
        float[] impulse = new float[s.voxelCount()];
        impulse[s.index(4, 4, 4)] = 1;
        GaussianSmoothing g = new GaussianSmoothing(0.8);
        float[] out = g.apply(impulse, s);
        float[] k = g.kernel();
        int r = g.radius();
        assertEquals(k[r] * k[r] * k[r], out[s.index(4, 4, 4)], 1e-9);
        assertEquals(k[r + 1] * k[r] * k[r + 2], out[s.index(5, 4, 6)], 1e-9);
        assertEquals(1f, impulse[s.index(4, 4, 4)], "input unchanged");
    }
}
