package org.gvsl.train.checkpoint;

import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.PretrainConfig;
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
        TrainingState s = new TrainingState(100, 1, 12.5, losses, "2025-01-01T00:00:00Z", PretrainConfig.builder().build());
        String json = ConfigJson.mapper().writeValueAsString(s);
        assertTrue(json.indexOf("loss_ncc") < json.indexOf("loss_total"), json);
        TrainingState back = ConfigJson.mapper().readValue(json, TrainingState.class);
        assertEquals(s, back);
        assertEquals(List.of("loss_ncc", "loss_total"), List.copyOf(back.losses().keySet()));
    }

    @Test
    void theSeedMustBeTheConfigurations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingState(1, 2, 0, Map.of(), "", PretrainConfig.builder().build()));
        assertTrue(e.getMessage().contains("state of seed 2 needs the run's configuration with that seed, got seed 1"),
                e.getMessage());
        String step = assertThrows(IllegalArgumentException.class, () -> new TrainingState(-1, 1, 0, Map.of(), "",
                PretrainConfig.builder().build())).getMessage();
        assertTrue(step.contains("step must be ≥ 0, got -1"), step);
    }
}
