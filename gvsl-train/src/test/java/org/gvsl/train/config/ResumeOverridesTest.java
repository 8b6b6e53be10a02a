package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeOverridesTest {

    private static ObjectNode saved() {
        return ConfigJson.toTree(PretrainConfig.builder().optSteps(10).build());
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ConfigJson.mapper().readTree(text);
    }

    @Test
    void runSettingsMayChange() throws Exception {
        PretrainConfig c = ResumeOverrides.apply(saved(), "config.json",
                json("{\"steps\": 20, \"keepCheckpoints\": 1, \"uiStats\": true, \"threads\": 1}"));
        assertEquals(20, c.steps());
        assertEquals(1, c.keepCheckpoints());
        assertEquals(PretrainConfig.builder().build().model(), c.model());
    }

    @Test
    void equalValuesOfOtherKeysAreAccepted() throws Exception {
        PretrainConfig c = ResumeOverrides.apply(saved(), "config.json",
                json("{\"crop\": 32, \"model\": {\"seed\": 1, \"widths\": \"narrow\", \"learningRate\": 0.0001}}"));
        assertEquals(32, c.crop());
    }

    @Test
    void whatChangesTheComputationIsRefusedByName() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ResumeOverrides.apply(saved(), "config.json",
                json("{\"crop\": 16, \"model\": {\"seed\": 2}}")));
        assertTrue(e.getMessage().contains("cannot change 'crop' (32 → 16), 'model.seed' (1 → 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed when resuming: [checkpointEvery,"), e.getMessage());
    }
}
