package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskSurfaceTest {

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void aCubeInsideTheVolumeHasItsShellAsSurface() {
        VolumeShape shape = VolumeShape.cube(7);
        boolean[] surface = MaskSurface.of(Masks.box(shape, 1, 5, 1, 5, 1, 5), shape);
        // 5³ voxels minus the 3³ whose 6 neighbours are all inside
        assertEquals(125 - 27, count(surface));
        assertTrue(surface[shape.index(1, 3, 3)]);
        assertTrue(surface[shape.index(1, 1, 1)]);
        // (2, 2, 2) has only diagonal neighbours outside: not a surface voxel
        assertFalse(surface[shape.index(2, 2, 2)]);
        assertFalse(surface[shape.index(3, 3, 3)]);
    }

    @Test
    void beyondTheVolumeCountsAsOutside() {
        VolumeShape shape = VolumeShape.cube(3);
        boolean[] full = new boolean[27];
        Arrays.fill(full, true);
        boolean[] surface = MaskSurface.of(full, shape);
        assertEquals(26, count(surface));
        assertFalse(surface[shape.index(1, 1, 1)]);
    }

    @Test
    void singleVoxelsAndThinPlatesAreAllSurfaceAndEmptyHasNone() {
        VolumeShape shape = new VolumeShape(4, 5, 6);
        boolean[] single = Masks.box(shape, 2, 2, 3, 3, 1, 1);
        assertArrayEquals(single, MaskSurface.of(single, shape));
        boolean[] plate = Masks.box(shape, 1, 1, 0, 4, 0, 5);
        assertArrayEquals(plate, MaskSurface.of(plate, shape));
        assertEquals(0, count(MaskSurface.of(new boolean[shape.voxelCount()], shape)));
    }

    @Test
    void matchesTheDefinitionOnRandomMasks() {
        Random random = new Random(7);
        VolumeShape shape = new VolumeShape(5, 6, 7);
        int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int trial = 0; trial < 20; trial++) {
            boolean[] mask = Masks.random(shape, 0.3 + 0.03 * trial, random);
            boolean[] surface = MaskSurface.of(mask, shape);
            for (int d = 0; d < 5; d++) {
                for (int h = 0; h < 6; h++) {
                    for (int w = 0; w < 7; w++) {
                        boolean outsideNeighbour = false;
                        for (int[] s : steps) {
                            int nd = d + s[0];
                            int nh = h + s[1];
                            int nw = w + s[2];
                            outsideNeighbour |= !shape.contains(nd, nh, nw) || !mask[shape.index(nd, nh, nw)];
                        }
                        int i = shape.index(d, h, w);
                        assertEquals(mask[i] && outsideNeighbour, surface[i], "voxel " + d + "," + h + "," + w);
                    }
                }
            }
        }
    }

    @Test
    void rejectsAMaskOfAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskSurface.of(new boolean[5], VolumeShape.cube(2)));
        assertTrue(e.getMessage().contains("mask has 5 voxels, shape [2, 2, 2] needs 8"), e.getMessage());
    }
}
