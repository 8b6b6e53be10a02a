package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCropTest {

    @Test
    void uniformStartsFollowTheDocumentedDraws() {
        RandomCrop crop = RandomCrop.builder().setSize(new VolumeShape(4, 10, 3)).build();
        VolumeShape volume = new VolumeShape(10, 6, 3);
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int n = 0; n < 50; n++) {
            CropWindow w = crop.draw(volume, a);
            assertEquals(b.nextInt(7), w.d());          // 10 - 4 + 1 crop positions
            assertEquals(-4 + b.nextInt(5), w.h());     // padding of 4 placed anywhere: start in [-4, 0]
            assertEquals(b.nextInt(1), w.w());          // exact fit
        }
    }

    @Test
    void everyPositionIsReachable() {
        RandomCrop crop = RandomCrop.builder().setSize(new VolumeShape(1, 1, 2)).build();
        boolean[] seen = new boolean[4];
        SplittableRandom rng = new SplittableRandom(1);
        for (int n = 0; n < 200; n++) {
            seen[crop.draw(new VolumeShape(1, 1, 5), rng).w()] = true;
        }
        assertTrue(seen[0] && seen[1] && seen[2] && seen[3]);
    }

    @Test
    void labelGuidedCropContainsTheOnlyForegroundVoxel() {
        VolumeShape shape = VolumeShape.cube(16);
        float[] labels = new float[shape.voxelCount()];
        labels[shape.index(13, 2, 9)] = 1;
        Volume map = Volume.adopt(shape, labels, VolumeGeometry.unit());
        RandomCrop crop = RandomCrop.builder().setSize(VolumeShape.cube(4)).optForegroundProbability(1).build();
        SplittableRandom rng = new SplittableRandom(2);
        for (int n = 0; n < 20; n++) {
            CropWindow w = crop.draw(map, rng);
            assertEquals(1f, w.extract(map).range()[1], "the foreground voxel is inside the crop");
            assertEquals(11, w.d()); // centred: 13 - 2
            assertEquals(0, w.h());  // 2 - 2, clamped to 0
            assertEquals(7, w.w());
        }
        String p = assertThrows(IllegalArgumentException.class, () -> RandomCrop.builder().optForegroundProbability(1.5))
                .getMessage();
        assertTrue(p.contains("foreground probability must be in [0, 1], got 1.5"), p);
        String size = assertThrows(IllegalStateException.class, () -> RandomCrop.builder().build()).getMessage();
        assertTrue(size.contains("RandomCrop needs setSize(...)"), size);
    }
}
