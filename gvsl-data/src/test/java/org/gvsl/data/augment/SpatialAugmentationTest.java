package org.gvsl.data.augment;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.data.volume.VoxelSampler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialAugmentationTest {

    @Test
    void rebuildsEveryVoxelFromTheSameDrawsWithTheMethodFormula() {
        VolumeShape s = new VolumeShape(12, 14, 16);
        Volume image = Volumes.random(s, 3);
        List<Volume> out = SpatialAugmentation.gvsl().apply(List.of(image, image), List.of(Interpolation.LINEAR,
                Interpolation.LINEAR), new SplittableRandom(17));
        assertArrayEquals(out.get(0).toArray(), out.get(1).toArray(), 0, "one draw for every volume");

        SplittableRandom rng = new SplittableRandom(17);
        AffineParameters a = RandomAffine.gvsl().draw(rng);
        DisplacementField u = ElasticField.gvsl().draw(s, rng);
        double[][] m = a.matrix();
        double[] t = a.translation();
        int[] size = {s.width(), s.height(), s.depth()};
        VoxelSampler sampler = new VoxelSampler(image, Interpolation.LINEAR);
        for (int d = 0; d < s.depth(); d++) {
            for (int h = 0; h < s.height(); h++) {
                for (int w = 0; w < s.width(); w++) {
                    double[] v = {w + u.get(2, d, h, w), h + u.get(1, d, h, w), d + u.get(0, d, h, w)};
                    double[] n = new double[3];
                    for (int k = 0; k < 3; k++) {
                        n[k] = 2 * v[k] / (size[k] - 1) - 1;
                    }
                    double[] q = new double[3];
                    for (int r = 0; r < 3; r++) {
                        double nr = m[r][0] * n[0] + m[r][1] * n[1] + m[r][2] * n[2] + t[r];
                        q[r] = (nr + 1) * (size[r] - 1) / 2;
                    }
                    assertEquals(sampler.sample(q[2], q[1], q[0]), out.get(0).get(d, h, w), 1e-5);
                }
            }
        }
        assertArrayEquals(Volumes.random(s, 3).toArray(), image.toArray(), 0, "input unchanged");
    }

    @Test
    void partsCanBeSwitchedOff() {
        VolumeShape s = VolumeShape.cube(6);
        Volume v = Volumes.random(s, 1);
        assertArrayEquals(v.toArray(), new SpatialAugmentation(null, null)
                .apply(List.of(v), List.of(Interpolation.LINEAR), new SplittableRandom(1)).get(0).toArray(), 0);
        String e = assertThrows(IllegalArgumentException.class,
                () -> SpatialAugmentation.gvsl().apply(List.of(), List.of(), new SplittableRandom(1))).getMessage();
        assertTrue(e.contains("no volumes to augment"), e);
    }
}
