package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairBatchTest {

    private static Volume constant(VolumeShape s, float value) {
        float[] v = new float[s.voxelCount()];
        java.util.Arrays.fill(v, value);
        return Volume.adopt(s, v, VolumeGeometry.unit());
    }

    @Test
    void stacksPairsAsNC_DHW() {
        VolumeShape s = new VolumeShape(1, 2, 3);
        TrainingPair p0 = new TrainingPair(constant(s, 1), constant(s, 2), constant(s, 3), "a", "b");
        TrainingPair p1 = new TrainingPair(constant(s, 4), constant(s, 5), constant(s, 6), "c", "d");
        try (PairBatch b = PairBatch.of(7, List.of(p0, p1))) {
            assertArrayEquals(new long[] {2, 1, 1, 2, 3}, b.fixed().shape());
            assertEquals(4, b.fixed().getFloat(1, 0, 0, 1, 2));
            assertEquals(2, b.moving().getFloat(0, 0, 0, 0, 0));
            assertEquals(6, b.target().getFloat(1, 0, 0, 0, 0));
            assertEquals(List.of("a | b", "c | d"), b.sources());
            assertEquals(7, b.step());
        }
        TrainingPair other = new TrainingPair(constant(VolumeShape.cube(2), 1), constant(VolumeShape.cube(2), 1),
                constant(VolumeShape.cube(2), 1), "x", "y");
        String mixed = assertThrows(IllegalArgumentException.class, () -> PairBatch.of(0, List.of(p0, other))).getMessage();
        assertTrue(mixed.contains("pair 1 has shapes [2, 2, 2]/[2, 2, 2]/[2, 2, 2], expected [1, 2, 3]"), mixed);
        String empty = assertThrows(IllegalArgumentException.class, () -> PairBatch.of(0, List.of())).getMessage();
        assertTrue(empty.contains("a batch needs at least one pair"), empty);
    }
}
