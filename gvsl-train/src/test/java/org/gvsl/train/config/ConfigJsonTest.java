package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigJsonTest {

    @Test
    void aWrittenConfigReadsBackEqual(@TempDir Path dir) throws Exception {
        PretrainConfig c = PretrainConfig.builder().with(PretrainOptions.DATA, dir.resolve("ct"))
                .with(PretrainOptions.SPACING, 1.5).with(PretrainOptions.STEPS, 7)
                .with(PretrainOptions.WIDTHS, UNetWidths.NARROW).with(PretrainOptions.VARIANT, Variant.NO_AFFINE)
                .with(PretrainOptions.SEED, 42L).build();
        Path file = dir.resolve("config.json");
        ConfigJson.write(c, file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"widths\" : [ 8, 16, 32, 64, 128, 64, 32, 16, 8 ]"), text);
        assertTrue(text.contains("\"data\" : \"" + dir.resolve("ct") + "\""), text);
        PretrainConfig back = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("f", ConfigJson.readFile(file))));
        assertEquals(c, back);
    }

    @Test
    void yamlFilesAreReadWithWidthsAsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, "steps: 12\nmodel:\n  widths: narrow\n  variant: no_restoration\n  learningRate: 2.0e-4\n");
        ObjectNode tree = ConfigJson.readFile(file);
        PretrainConfig c = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("run.yaml", tree)));
        assertEquals(12, c.steps());
        assertEquals(UNetWidths.NARROW, c.model().widths());
        assertEquals(Variant.NO_RESTORATION, c.model().variant());
        assertEquals(2e-4, c.model().learningRate());
    }

    @Test
    void unusableFilesAreNamed(@TempDir Path dir) throws Exception {
        assertMessage("config file not found: " + dir.resolve("none.yaml"), dir.resolve("none.yaml"));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"steps\": 3,");
        assertMessage("cannot parse config file " + bad, bad);
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertMessage("config file " + empty + " is empty", empty);
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        assertMessage("must hold a mapping of keys to values, got a array", list);
    }

    private static void assertMessage(String expected, Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigJson.readFile(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
