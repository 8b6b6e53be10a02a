package org.gvsl.train.checkpoint;

import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.config.PretrainOptions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingStateTest {

    @Test
    void roundTripsThroughJsonKeepingTheOrderOfTheTerms() throws Exception {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_ncc", 0.5);
        losses.put("loss_total", 0.75);
        TrainingState s = TrainingState.of(100, 1, 12.5, losses, "2025-01-01T00:00:00Z", PretrainConfig.builder().build());
        String json = ConfigJson.mapper().writeValueAsString(s);
        assertTrue(json.indexOf("loss_ncc") < json.indexOf("loss_total"), json);
        TrainingState back = ConfigJson.mapper().readValue(json, TrainingState.class);
        assertEquals(s, back);
        assertEquals(List.of("loss_ncc", "loss_total"), List.copyOf(back.losses().keySet()));
    }

    @Test
    void aStateNeedsAStepOfAtLeastZeroAndAConfigurationObject() {
        String step = assertThrows(IllegalArgumentException.class, () -> TrainingState.of(-1, 1, 0, Map.of(), "",
                PretrainConfig.builder().build())).getMessage();
        assertTrue(step.contains("step must be ≥ 0, got -1"), step);
        String config = assertThrows(IllegalArgumentException.class, () -> new TrainingState(1, 1, 0, Map.of(), "",
                ConfigJson.mapper().getNodeFactory().textNode("x"))).getMessage();
        assertTrue(config.contains("needs the run's configuration as a JSON object, got \"x\""), config);
    }

    @Test
    void theConfigurationIsKeptAsJsonWithItsSeed() {
        PretrainConfig config = PretrainConfig.builder().with(PretrainOptions.SYNTHETIC_SIZE, 40).build();
        TrainingState s = TrainingState.of(3, 1, 0, Map.of(), "", config);
        assertEquals(1, s.config().path("model").path("seed").asLong());
        assertEquals(40, s.config().path("syntheticSize").asInt());
    }
}
