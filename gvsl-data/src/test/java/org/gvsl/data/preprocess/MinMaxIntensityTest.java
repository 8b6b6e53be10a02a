package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MinMaxIntensityTest {

    @Test
    void stretchesToUnitRangeAndMapsConstantsToZero() {
        Volume v = new Volume(new VolumeShape(1, 1, 3), new float[] {10, 20, 50}, VolumeGeometry.unit());
        assertArrayEquals(new float[] {0, 0.25f, 1}, new MinMaxIntensity().apply(v).toArray(), 1e-7f);
        Volume flat = new Volume(new VolumeShape(1, 1, 2), new float[] {4, 4}, VolumeGeometry.unit());
        assertArrayEquals(new float[] {0, 0}, new MinMaxIntensity().apply(flat).toArray(), 0);
    }
}
