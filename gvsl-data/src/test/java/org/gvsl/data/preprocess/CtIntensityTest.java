package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theSoftTissueWindowShowsMinus160To240Hu() {
        Volume hu = new Volume(new VolumeShape(1, 1, 5), new float[] {-1000, -160, 40, 140, 700}, VolumeGeometry.unit());
        assertArrayEquals(new float[] {0, 0, 0.5f, 0.75f, 1}, CtIntensity.softTissue().apply(hu).toArray(), 1e-7f);
        assertEquals(CtIntensity.hounsfield().apply(hu), new CtIntensity(1024, CtIntensity.WINDOW).apply(hu));
        assertEquals("ct(offset 160, window 400)", CtIntensity.softTissue().toString());
        assertEquals("ct(offset 1024)", CtIntensity.hounsfield().toString());
        String e = assertThrows(IllegalArgumentException.class, () -> new CtIntensity(0, 0)).getMessage();
        assertTrue(e.contains("CT window must be finite and positive, got 0.0"), e);
    }
}
