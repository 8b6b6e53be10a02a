package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtIntensityTest {

    @Test
    void clipsAndScalesHounsfieldUnits() {
        Volume hu = new Volume(new VolumeShape(1, 1, 5), new float[] {-2000, -1024, 0, 1024, 3000}, VolumeGeometry.unit());
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1}, CtIntensity.hounsfield().apply(hu).toArray(), 1e-7f);
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 1}, new CtIntensity(0).apply(hu).toArray(), 1e-7f);
        assertArrayEquals(new float[] {-2000, -1024, 0, 1024, 3000}, hu.toArray(), 0, "input unchanged");
        String e = assertThrows(IllegalArgumentException.class, () -> new CtIntensity(Double.NaN)).getMessage();
        assertTrue(e.contains("CT offset must be finite, got NaN"), e);
    }
}
