package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutPaintingTest {

    @Test
    void rebuildsFromTheSameDrawsAndKeepsOnlyTheBoxes() {
        VolumeShape s = new VolumeShape(21, 28, 35); // large enough for the 3-voxel margin on every axis
        Volume input = Volumes.ramp(s);
        Volume out = OutPainting.modelsGenesis().apply(input, new SplittableRandom(6));

        SplittableRandom rng = new SplittableRandom(6);
        float[] expected = new float[s.voxelCount()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = rng.nextFloat();
        }
        int boxes = 0;
        do {
            int[] side = new int[3];
            int[] corner = new int[3];
            for (int a = 0; a < 3; a++) {
                int n = s.size(a);
                side[a] = n - rng.nextInt(3 * n / 7, Math.max(3 * n / 7 + 1, 4 * n / 7));
            }
            for (int a = 0; a < 3; a++) {
                corner[a] = rng.nextInt(3, s.size(a) - side[a] - 3);
            }
            for (int d = 0; d < side[0]; d++) {
                for (int h = 0; h < side[1]; h++) {
                    for (int w = 0; w < side[2]; w++) {
                        int i = s.index(corner[0] + d, corner[1] + h, corner[2] + w);
                        expected[i] = input.get(i);
                    }
                }
            }
            boxes++;
        } while (boxes < 5 && rng.nextDouble() < 0.95);
        assertArrayEquals(expected, out.toArray(), 0);

        int kept = 0;
        for (int i = 0; i < s.voxelCount(); i++) {
            kept += out.get(i) == input.get(i) ? 1 : 0;
        }
        assertTrue(kept > s.voxelCount() / 10 && kept < s.voxelCount(), "kept " + kept);
        String e = assertThrows(IllegalArgumentException.class, () -> new OutPainting(-1, 0.5)).getMessage();
        assertTrue(e.contains("max extra boxes must be >= 0, got -1"), e);
    }
}
