package org.gvsl.train.config;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntensityTest {

    private static float[] apply(Intensity intensity, float... values) {
        VolumeShape shape = new VolumeShape(1, 1, values.length);
        Volume v = new Volume(shape, values, VolumeGeometry.unit());
        return intensity.normalization().apply(v).toArray();
    }

    @Test
    void eachModeMapsAsTheMethodSays() {
        assertArrayEquals(new float[] {0f, 0.5f, 1f}, apply(Intensity.CT, -1024, 0, 1024), 1e-7f);
        assertArrayEquals(new float[] {0f, 0.5f, 1f}, apply(Intensity.CT_SOFT_TISSUE, -160, 40, 240), 1e-7f);
        assertArrayEquals(new float[] {0f, 0.5f, 1f}, apply(Intensity.CT_SHIFTED, 0, 1024, 4000), 1e-7f);
        assertArrayEquals(new float[] {0f, 0.25f, 1f}, apply(Intensity.MR, 10, 20, 50), 1e-7f);
        assertArrayEquals(new float[] {3f, -2f}, apply(Intensity.NONE, 3, -2), 0f);
    }

    @Test
    void optionNamesParseInAnyCaseWithHyphens() {
        assertEquals(Intensity.CT_SHIFTED, Intensity.parse("ct-shifted"));
        assertEquals(Intensity.MR, Intensity.parse(" MR "));
        assertEquals("ct-shifted", Intensity.CT_SHIFTED.optionName());
        assertEquals(Intensity.CT_SOFT_TISSUE, Intensity.parse("ct-soft-tissue"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intensity.parse("pet"));
        assertEquals("unknown intensity 'pet', expected one of [ct, ct-soft-tissue, ct-shifted, mr, none]", e.getMessage());
    }

    @Test
    void aRunsConfigurationTellsItsIntensity() {
        assertEquals(Optional.of(Intensity.MR), Intensity.ofRunConfig(ConfigJson.toJson(
                PretrainConfig.builder().with(PretrainOptions.DATA, java.nio.file.Path.of("d"))
                        .with(PretrainOptions.INTENSITY, Intensity.MR).build())));
        assertEquals(Optional.of(Intensity.CT_SOFT_TISSUE), Intensity.ofRunConfig(ConfigJson.toJson(
                PretrainConfig.builder().build())), "the demo's");
        assertEquals(Optional.empty(), Intensity.ofRunConfig("{\"steps\": 3}"));
        assertEquals(Optional.empty(), Intensity.ofRunConfig("not json"));
    }
}
