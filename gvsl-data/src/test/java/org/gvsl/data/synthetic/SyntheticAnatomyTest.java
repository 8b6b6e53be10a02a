package org.gvsl.data.synthetic;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticAnatomyTest {

    private final SyntheticAnatomy generator = SyntheticAnatomy.builder().optShape(VolumeShape.cube(40)).optSeed(5).build();

    @Test
    void sameSeedAndIndexGiveTheSameCase() {
        SyntheticCase a = generator.generate(2);
        SyntheticCase b = SyntheticAnatomy.builder().optShape(VolumeShape.cube(40)).optSeed(5).build().generate(2);
        assertArrayEquals(a.image().toArray(), b.image().toArray(), 0);
        assertArrayEquals(a.labels().toArray(), b.labels().toArray(), 0);
        assertEquals(a.classLabel(), b.classLabel());
        assertEquals("case_002", a.name());
        assertFalse(Arrays.equals(a.labels().toArray(), generator.generate(3).labels().toArray()), "cases differ in shape");
    }

    @Test
    void everyStructureIsPresentWithItsOwnIntensity() {
        SyntheticCase c = generator.generate(0);
        Volume labels = c.labels();
        int k = generator.structureCount();
        assertEquals(6, k);
        double[] sum = new double[k + 1];
        int[] count = new int[k + 1];
        for (int i = 0; i < labels.shape().voxelCount(); i++) {
            int label = (int) labels.get(i);
            assertTrue(label >= 0 && label <= k);
            sum[label] += c.image().get(i);
            count[label]++;
        }
        for (int label = 1; label <= k; label++) {
            assertTrue(count[label] > 0, "structure " + label + " present");
        }
        assertEquals(60, sum[1] / count[1], 40, "liver-like about 60 HU");
        assertEquals(250, sum[5] / count[5], 60, "aorta-like about 250 HU");
        assertTrue(c.image().get(0) < -900, "air in the corner");
        for (int i = 0; i < c.image().shape().voxelCount(); i++) {
            assertEquals(Math.rint(c.image().get(i)), c.image().get(i), "whole HU");
        }
        assertEquals("RAS", c.image().geometry().orientation());
        assertEquals(1.5, c.image().geometry().spacing(0));
    }

    @Test
    void lesionProbabilityControlsTheClassLabel() {
        int ones = 0;
        for (int i = 0; i < 12; i++) {
            ones += SyntheticAnatomy.builder().optShape(VolumeShape.cube(8)).optSeed(1).build().generate(i).classLabel();
        }
        assertTrue(ones > 0 && ones < 12, ones + " of 12 with lesions at p = 0.5");
        assertEquals(0, SyntheticAnatomy.builder().optShape(VolumeShape.cube(8)).optLesionProbability(0).build().generate(4).classLabel());
    }

    @Test
    void anyShapeAndValidatedOptions() {
        SyntheticCase c = SyntheticAnatomy.builder().optShape(new VolumeShape(12, 16, 20)).optStructures(8).build().generate(0);
        assertEquals(new VolumeShape(12, 16, 20), c.labels().shape());
        assertTrue(c.labels().range()[1] <= 8);
        String structures = assertThrows(IllegalArgumentException.class, () -> SyntheticAnatomy.builder().optStructures(9))
                .getMessage();
        assertTrue(structures.contains("structures must be in 1..8, got 9"), structures);
        String shape = assertThrows(IllegalArgumentException.class,
                () -> SyntheticAnatomy.builder().optShape(VolumeShape.cube(4))).getMessage();
        assertTrue(shape.contains("every side >= 8 voxels, got [4, 4, 4]"), shape);
        String index = assertThrows(IllegalArgumentException.class, () -> generator.generate(-1)).getMessage();
        assertTrue(index.contains("case index must be >= 0, got -1"), index);
    }
}
