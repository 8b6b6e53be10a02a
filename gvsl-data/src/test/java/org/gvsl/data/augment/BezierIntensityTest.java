package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BezierIntensityTest {

    private final Volume input = Volumes.random(VolumeShape.cube(8), 1);

    @Test
    void rebuildsFromTheSameDraws() {
        Volume out = BezierIntensity.gvsl().apply(input, new SplittableRandom(42));
        SplittableRandom rng = new SplittableRandom(42);
        BezierCurve curve = BezierCurve.gvsl(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble());
        for (int i = 0; i < input.shape().voxelCount(); i++) {
            assertEquals((float) curve.map(input.get(i)), out.get(i));
        }
        assertArrayEquals(Volumes.random(VolumeShape.cube(8), 1).toArray(), input.toArray(), 0, "input unchanged");
    }

    @Test
    void gvslCurvePreservesOrderAndStaysInTheUnitInterval() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 20; n++) {
            Volume out = BezierIntensity.gvsl().apply(input, rng);
            for (int i = 0; i < input.shape().voxelCount(); i++) {
                assertTrue(out.get(i) >= 0 && out.get(i) <= 1);
                for (int j : new int[] {0, 7, 100}) {
                    if (input.get(i) < input.get(j)) {
                        assertTrue(out.get(i) <= out.get(j), "increasing map");
                    }
                }
            }
        }
    }

    @Test
    void modelsGenesisVariantInvertsAboutHalfTheTime() {
        SplittableRandom rng = new SplittableRandom(11);
        Volume two = new Volume(new VolumeShape(1, 1, 2), new float[] {0.05f, 0.95f}, input.geometry());
        int inverted = 0;
        BezierIntensity modelsGenesis = new BezierIntensity(1000, 0.5); // few samples: the inversion is what counts
        for (int n = 0; n < 400; n++) {
            Volume out = modelsGenesis.apply(two, rng);
            if (out.get(0) > out.get(1)) {
                inverted++;
            }
        }
        assertTrue(inverted > 160 && inverted < 240, "inverted " + inverted + " of 400");
        String e = assertThrows(IllegalArgumentException.class, () -> new BezierIntensity(100, 1.5)).getMessage();
        assertTrue(e.contains("invert probability must be in [0, 1], got 1.5"), e);
    }
}
