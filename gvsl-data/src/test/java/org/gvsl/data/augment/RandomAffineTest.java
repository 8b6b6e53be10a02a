package org.gvsl.data.augment;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomAffineTest {

    @Test
    void rebuildsFromTheDocumentedDrawsAndStaysInRange() {
        for (long seed = 0; seed < 50; seed++) {
            AffineParameters drawn = RandomAffine.gvsl().draw(new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            double[] rot = new double[3];
            double[] scale = new double[3];
            double[] shear = new double[6];
            double[] t = new double[3];
            for (int i = 0; i < 3; i++) {
                rot[i] = -Math.PI / 9 + 2 * Math.PI / 9 * rng.nextDouble();
            }
            for (int i = 0; i < 3; i++) {
                scale[i] = 0.75 + 0.5 * rng.nextDouble();
            }
            for (int i = 0; i < 6; i++) {
                shear[i] = -Math.PI / 18 + 2 * Math.PI / 18 * rng.nextDouble();
            }
            for (int i = 0; i < 3; i++) {
                t[i] = -0.1 + 0.2 * rng.nextDouble();
                assertTrue(Math.abs(t[i]) <= 0.1);
            }
            AffineParameters expected = AffineParameters.compose(rot, scale, shear, t);
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(expected.matrix()[r], drawn.matrix()[r], 1e-15);
            }
            assertArrayEquals(t, drawn.translation(), 1e-15);
        }
    }

    @Test
    void zeroRangesGiveTheIdentity() {
        AffineParameters a = RandomAffine.builder().optMaxRotation(0).optScale(1, 1).optMaxShear(0).optMaxTranslation(0)
                .build().draw(new SplittableRandom(1));
        assertArrayEquals(new double[] {1, 0, 0}, a.matrix()[0], 0);
        assertArrayEquals(new double[] {0, 0, 0}, a.translation(), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomAffine.builder().optScale(1.2, 0.8))
                .getMessage().contains("1.2..0.8"));
    }
}
