package org.gvsl.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelJsonTest {

    private static JsonNode tree(String json) throws Exception {
        return ModelJson.mapper().readTree(json);
    }

    @Test
    void theConfigurationRoundTripsWithWidthsAsAnArray() throws Exception {
        GvslConfig config = GvslConfig.builder().optWidths(UNetWidths.NARROW).optVariant(Variant.NO_AFFINE)
                .optNccWindow(5).optLambdaMse(0.5).optSeed(42).optLearningRate(2e-4).build();
        String json = ModelJson.toJson(config);
        assertTrue(json.contains("\"widths\" : [ 8, 16, 32, 64, 128, 64, 32, 16, 8 ]"), json);
        assertTrue(json.contains("\"variant\" : \"NO_AFFINE\""), json);
        assertEquals(config, ModelJson.readConfig(tree(json), "test"));
    }

    @Test
    void widthsAlsoReadFromTheirNamesAndEnumsInAnyCase() throws Exception {
        GvslConfig c = ModelJson.readConfig(tree("{\"widths\": \"paper\", \"nccWindow\": 9, \"lambdaSmooth\": 1,"
                + " \"lambdaMse\": 1, \"variant\": \"no_restoration\", \"seed\": 3, \"learningRate\": 1e-4,"
                + " \"beta1\": 0.9, \"beta2\": 0.999, \"adamEpsilon\": 1e-8}"), "test");
        assertEquals(UNetWidths.PAPER, c.widths());
        assertEquals(Variant.NO_RESTORATION, c.variant());
    }

    @Test
    void invalidConfigurationsNameTheOriginAndTheProblem() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelJson.readConfig(
                tree("{\"widths\": [8, 16, 32, 64, 128, 64, 32, 16, 8], \"nccWindow\": 4, \"lambdaSmooth\": 1,"
                        + " \"lambdaMse\": 1, \"variant\": \"FULL\", \"seed\": 1, \"learningRate\": 1e-4,"
                        + " \"beta1\": 0.9, \"beta2\": 0.999, \"adamEpsilon\": 1e-8}"), "m.gvsl!gvsl-model.json"));
        assertEquals("m.gvsl!gvsl-model.json: invalid model configuration: nccWindow must be odd and positive, got 4",
                e.getMessage());
        String valid = ModelJson.toJson(GvslConfig.builder().build());
        e = assertThrows(ModelFormatException.class, () -> ModelJson.readConfig(tree(valid.replace("{",
                "{\"depth\": 3, ")), "x"));
        assertTrue(e.getMessage().startsWith("x: invalid model configuration: Unrecognized field \"depth\""),
                e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> ModelJson.readConfig(tree(valid.replaceAll(
                "\"nccWindow\" : 9,", "")), "x"));
        assertTrue(e.getMessage().startsWith("x: invalid model configuration: Missing creator property"
                + " 'nccWindow'"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> ModelJson.readConfig(null, "run/config.json"));
        assertEquals("run/config.json: no model configuration", e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> ModelJson.readConfig(tree("{\"widths\": \"wide\"}"), "y"));
        assertTrue(e.getMessage().contains("widths must be \"paper\", \"narrow\" or nine integers"), e.getMessage());
    }
}
