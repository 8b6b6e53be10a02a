package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLayersTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ConfigJson.mapper().readTree(text);
    }

    private static ConfigLayers.Layer layer(String name, String text) throws Exception {
        return new ConfigLayers.Layer(name, json(text));
    }

    @Test
    void noLayersGiveTheDemoDefaults() throws Exception {
        PretrainConfig c = ConfigLayers.resolve(PretrainOptions.TABLE, List.of());
        assertEquals(UNetWidths.NARROW, c.model().widths());
        assertEquals(32, c.crop());
        assertEquals(240, c.steps());
        assertEquals(Intensity.CT_SOFT_TISSUE, c.intensity());
        assertEquals(Path.of("runs"), c.output());
        assertNull(c.data());
        assertNull(c.runDir());
    }

    @Test
    void laterLayersWinKeyByKeyAndNestedObjectsMerge() throws Exception {
        PretrainConfig c = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("file.yaml", "{\"steps\": 100, \"crop\": 24, \"model\": {\"seed\": 5, \"lambdaMse\": 0.5}}"),
                layer("the command line", "{\"steps\": 7, \"model\": {\"seed\": 9}}")));
        assertEquals(7, c.steps());
        assertEquals(24, c.crop());
        assertEquals(9, c.seed());
        assertEquals(0.5, c.model().lambdaMse());
        assertEquals(UNetWidths.NARROW, c.model().widths());
    }

    @Test
    void aDataFolderSelectsThePaperDefaultsAndNullReturnsToTheDemo() throws Exception {
        PretrainConfig paper = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(layer("f", "{\"data\": \"/ct\"}")));
        assertEquals(Path.of("/ct"), paper.data());
        assertEquals(UNetWidths.PAPER, paper.model().widths());
        assertEquals(128, paper.crop());
        PretrainConfig demo = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(layer("f", "{\"data\": \"/ct\"}"),
                layer("cli", "{\"data\": null}")));
        assertNull(demo.data());
        assertEquals(32, demo.crop());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLayerAndTheKnownKeys() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("run.yaml", "{\"model\": {\"lerningRate\": 1}}"))));
        assertTrue(e.getMessage().startsWith("unknown key 'model.lerningRate' in run.yaml; known keys there:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsLayer() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("run.yaml", "{\"steps\": 5}"), layer("the command line", "{\"steps\": \"many\"}"))));
        assertTrue(e.getMessage().startsWith("bad value for 'steps' in the command line:"), e.getMessage());
        ConfigException w = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("run.yaml", "{\"model\": {\"widths\": \"wide\"}}"))));
        assertTrue(w.getMessage().contains("'model.widths' in run.yaml"), w.getMessage());
        assertTrue(w.getMessage().contains("got \"wide\""), w.getMessage());
    }

    @Test
    void anInvalidValueGivesTheValidationMessage() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("run.yaml", "{\"model\": {\"nccWindow\": 4}}"))));
        assertTrue(e.getMessage().contains("nccWindow must be odd and positive, got 4"), e.getMessage());
        assertTrue(e.getMessage().contains("(from run.yaml over the defaults)"), e.getMessage());
        ConfigException s = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE, List.of(
                layer("run.yaml", "{}"), layer("the command line", "{\"steps\": -1}"))));
        assertTrue(s.getMessage().contains("steps must be ≥ 1, got -1 (from the command line over run.yaml over the"
                + " defaults)"), s.getMessage());
    }

    @Test
    void aGroupKeyWithAValueIsNamedWithItsKeys() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE,
                List.of(layer("run.yaml", "{\"model\": 3}"))));
        assertTrue(e.getMessage().startsWith("bad value for 'model' in run.yaml: expected an object with the keys"
                + " adamEpsilon, beta1, beta2, lambdaMse, lambdaSmooth, learningRate, nccWindow, seed, variant, widths,"
                + " got 3"), e.getMessage());
    }

    @Test
    void aMissingValueIsNamed() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(PretrainOptions.TABLE,
                List.of(layer("run.yaml", "{\"output\": null}"))));
        assertTrue(e.getMessage().contains("output must be given, got null (from run.yaml over the defaults)"),
                e.getMessage());
    }

    @Test
    void mergeReplacesValuesAndMergesObjects() throws Exception {
        ObjectNode base = json("{\"a\": 1, \"m\": {\"x\": 1, \"y\": 2}}");
        ConfigLayers.merge(base, json("{\"a\": [3], \"m\": {\"y\": 5}}"));
        assertEquals(json("{\"a\": [3], \"m\": {\"x\": 1, \"y\": 5}}"), base);
    }
}
