package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomFlipTest {

    @Test
    void rebuildsTheFlipsFromTheSameDrawsAndAppliesThemToEveryVolume() {
        VolumeShape s = new VolumeShape(2, 3, 4);
        Volume a = Volumes.ramp(s);
        Volume b = Volumes.random(s, 1);
        for (long seed = 0; seed < 20; seed++) {
            List<Volume> out = RandomFlip.modelsGenesis().apply(List.of(a, b), new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed);
            boolean[] rev = new boolean[3];
            for (int n = 0; n < 3 && rng.nextDouble() < 0.4; n++) {
                int axis = rng.nextInt(3);
                rev[axis] = !rev[axis];
            }
            for (int k = 0; k < 2; k++) {
                Volume in = k == 0 ? a : b;
                for (int d = 0; d < 2; d++) {
                    for (int h = 0; h < 3; h++) {
                        for (int w = 0; w < 4; w++) {
                            assertEquals(in.get(rev[0] ? 1 - d : d, rev[1] ? 2 - h : h, rev[2] ? 3 - w : w), out.get(k).get(d, h, w));
                        }
                    }
                }
                assertEquals(in.geometry(), out.get(k).geometry(), "the content is mirrored, the grid stays");
            }
        }
    }

    @Test
    void flippingTwiceRestores() {
        Volume a = Volumes.random(VolumeShape.cube(3), 2);
        boolean[] rev = {true, false, true};
        Volume twice = RandomFlip.apply(RandomFlip.apply(List.of(a), rev), rev).get(0);
        assertArrayEquals(a.toArray(), twice.toArray(), 0);
        String e = assertThrows(IllegalArgumentException.class, () -> new RandomFlip(2, 3)).getMessage();
        assertTrue(e.contains("flip probability must be in [0, 1], got 2.0"), e);
    }
}
