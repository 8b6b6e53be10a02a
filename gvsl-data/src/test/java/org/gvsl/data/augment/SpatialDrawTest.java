package org.gvsl.data.augment;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialDrawTest {

    private static AffineParameters affine(double[][] m, double... t) {
        return new AffineParameters(m, t);
    }

    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void identityReturnsTheInputExactly() {
        Volume v = Volumes.random(new VolumeShape(3, 4, 5), 1);
        assertArrayEquals(v.toArray(), new SpatialDraw(v.shape(), null, null).apply(v, Interpolation.LINEAR).toArray(), 0);
        assertArrayEquals(v.toArray(), new SpatialDraw(v.shape(), AffineParameters.identity(), DisplacementField.zero(v.shape()))
                .apply(v, Interpolation.LINEAR).toArray(), 0);
    }

    @Test
    void translationOfOneVoxelAlongW() {
        VolumeShape s = new VolumeShape(2, 3, 8);
        Volume v = Volumes.ramp(s);
        Volume out = new SpatialDraw(s, affine(IDENTITY, 2.0 / 7, 0, 0), null).apply(v, Interpolation.LINEAR);
        for (int w = 0; w < 7; w++) {
            assertEquals(v.get(1, 2, w + 1), out.get(1, 2, w), 1e-4);
        }
        assertEquals(0, out.get(1, 2, 7), 1e-4, "zero padding past the border");
    }

    @Test
    void quarterTurnAboutZMapsXToY() {
        VolumeShape s = new VolumeShape(2, 5, 5);
        Volume v = Volumes.ramp(s);
        // M (x, y, z) = (-y, x, z): output (d, h, w) reads the input at h' = w, w' = 4 - h
        Volume out = new SpatialDraw(s, affine(new double[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}, 0, 0, 0), null)
                .apply(v, Interpolation.LINEAR);
        for (int h = 0; h < 5; h++) {
            for (int w = 0; w < 5; w++) {
                assertEquals(v.get(1, w, 4 - h), out.get(1, h, w), 1e-4);
            }
        }
    }

    @Test
    void theFieldActsBeforeTheAffine() {
        VolumeShape s = new VolumeShape(2, 2, 9);
        float[] ones = new float[s.voxelCount()];
        Arrays.fill(ones, 1);
        DisplacementField shiftW = new DisplacementField(s, new float[ones.length], new float[ones.length], ones);
        SpatialDraw draw = new SpatialDraw(s, affine(new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 0, 0, 0), shiftW);
        double[] q = new double[3];
        draw.position(0, 0, 2, q);
        // v = 2 + 1 = 3 -> n = 3 * 2/8 - 1 = -0.25 -> 2n = -0.5 -> q = (-0.5 + 1) * 8/2 = 2 (affine first would give 1)
        assertArrayEquals(new double[] {0, 0, 2}, q, 1e-12);
    }

    @Test
    void nearestKeepsTheLabelSet() {
        VolumeShape s = VolumeShape.cube(10);
        float[] labels = new float[s.voxelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 7 == 0 ? 3 : i % 5 == 0 ? 1 : 0;
        }
        Volume map = Volume.adopt(s, labels, Volumes.ramp(s).geometry());
        SpatialDraw draw = SpatialAugmentation.gvsl().draw(s, new java.util.SplittableRandom(2));
        Set<Float> values = new HashSet<>();
        for (float x : draw.apply(map, Interpolation.NEAREST).toArray()) {
            values.add(x);
        }
        assertTrue(Set.of(0f, 1f, 3f).containsAll(values), values.toString());
    }

    @Test
    void rejectsSizeOneAxesWithAnAffineAndMismatchedVolumes() {
        VolumeShape flat = new VolumeShape(1, 4, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpatialDraw(flat, AffineParameters.identity(), null))
                .getMessage().contains("[1, 4, 4]"));
        SpatialDraw fieldOnly = new SpatialDraw(flat, null, DisplacementField.zero(flat));
        String volume = assertThrows(IllegalArgumentException.class,
                () -> fieldOnly.apply(List.of(Volumes.ramp(VolumeShape.cube(4))), List.of(Interpolation.LINEAR))).getMessage();
        assertTrue(volume.contains("volume 0 has shape [4, 4, 4], the draw is for [1, 4, 4]"), volume);
        String field = assertThrows(IllegalArgumentException.class,
                () -> new SpatialDraw(VolumeShape.cube(4), null, DisplacementField.zero(flat))).getMessage();
        assertTrue(field.contains("field shape [1, 4, 4] differs from the grid [4, 4, 4]"), field);
    }
}
