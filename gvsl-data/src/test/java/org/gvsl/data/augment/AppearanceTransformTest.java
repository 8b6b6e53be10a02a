package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppearanceTransformTest {

    private final Volume input = Volumes.random(new VolumeShape(20, 20, 24), 5);

    @Test
    void gvslRebuildsFromTheDocumentedOrderAndRates() {
        for (long seed = 0; seed < 6; seed++) {
            Volume out = AppearanceTransform.gvsl().apply(input, new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            Volume x = input;
            if (rng.nextDouble() < 0.8) {
                x = LocalShuffle.gvsl().apply(x, rng);
            }
            if (rng.nextDouble() < 0.9) {
                x = BezierIntensity.gvsl().apply(x, rng);
            }
            rng.nextDouble(); // paint rate 1: always paints
            rng.nextDouble(); // in-paint rate 1: always in-painting
            x = InPainting.gvsl().apply(x, rng);
            assertArrayEquals(x.toArray(), out.toArray(), 0, "seed " + seed);
        }
        assertArrayEquals(Volumes.random(new VolumeShape(20, 20, 24), 5).toArray(), input.toArray(), 0, "input unchanged");
    }

    @Test
    void zeroRatesLeaveTheImageAlone() {
        AppearanceTransform off = AppearanceTransform.builder().optLocalShuffle(LocalShuffle.gvsl(), 0)
                .optNonlinear(BezierIntensity.gvsl(), 0)
                .optPainting(InPainting.gvsl(), OutPainting.modelsGenesis(), 0, 1).build();
        assertArrayEquals(input.toArray(), off.apply(input, new SplittableRandom(1)).toArray(), 0);
    }

    @Test
    void modelsGenesisVariantStaysInTheUnitInterval() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int n = 0; n < 5; n++) {
            double[] range = AppearanceTransform.modelsGenesis().apply(input, rng).range();
            assertTrue(range[0] >= 0 && range[1] <= 1);
        }
        String e = assertThrows(IllegalArgumentException.class,
                () -> AppearanceTransform.builder().optLocalShuffle(LocalShuffle.gvsl(), 2)).getMessage();
        assertTrue(e.contains("shuffle rate must be in [0, 1], got 2.0"), e);
    }
}
