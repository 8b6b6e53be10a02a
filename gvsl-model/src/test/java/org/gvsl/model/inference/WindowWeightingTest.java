package org.gvsl.model.inference;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowWeightingTest {

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    @Test
    void constantWeightsAreOnes() {
        INDArray w = WindowWeighting.CONSTANT.weights(new SpatialSize(2, 3, 4));
        assertArrayEquals(new long[] {2, 3, 4}, w.shape());
        assertEquals(24.0, w.sumNumber().doubleValue(), 0.0);
        assertEquals(1.0, w.minNumber().doubleValue(), 0.0);
    }

    @Test
    void theGaussianHasSigmaOneEighthOfTheWindowIsCentredAndSymmetric() {
        // w = 8: σ = 1, centre 3.5; along one axis g(i) = exp(−(i − 3.5)²/2)
        double[] g = WindowWeighting.gaussian(8);
        assertEquals(Math.exp(-0.125), g[3], 1e-15);
        assertEquals(Math.exp(-0.125), g[4], 1e-15);
        assertEquals(Math.exp(-6.125), g[0], 1e-15);
        assertEquals(g[1], g[6], 0.0);
        // w = 9: σ = 1.125, centre 4 has weight 1
        assertEquals(1.0, WindowWeighting.gaussian(9)[4], 0.0);
        INDArray w = WindowWeighting.GAUSSIAN.weights(new SpatialSize(8, 8, 9));
        assertEquals((float) (g[3] * g[4] * 1.0), w.getFloat(3, 4, 4), 0f);
        assertEquals((float) (g[2] * g[3] * WindowWeighting.gaussian(9)[6]), w.getFloat(2, 3, 6), 0f);
    }

    @Test
    void theGaussianIsFlooredAtOneThousandth() {
        // corner of an 8³ window: exp(−6.125)³ ≈ 1e-8, raised to the floor
        INDArray w = WindowWeighting.GAUSSIAN.weights(SpatialSize.cube(8));
        assertEquals((float) WindowWeighting.GAUSSIAN_FLOOR, w.getFloat(0, 0, 0), 0f);
        assertEquals((float) WindowWeighting.GAUSSIAN_FLOOR, w.minNumber().floatValue(), 0f);
    }
}
