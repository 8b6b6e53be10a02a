package org.gvsl.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryJsonTest {

    @Test
    void writesStrictJsonWithTheSummaries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        SummaryJson.write(TwoCases.evaluated(2).report(), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(2, json.get("cases").asInt());
        assertEquals("[1,2]", json.get("classes").toString());
        assertEquals(SummaryJson.STATISTICS, json.get("statistics").asText());
        JsonNode ci = json.get("confidence_interval");
        assertEquals(10_000, ci.get("resamples").asInt());
        assertEquals(0.95, ci.get("level").asDouble());
        assertEquals(0, ci.get("seed").asLong());
        assertEquals("Well19937c", ci.get("generator").asText());
        // see EvaluationReportTest for the values
        JsonNode dice = json.get("per_class").get("1").get("dice");
        assertEquals(2, dice.get("n").asInt());
        assertEquals(0.875, dice.get("mean").asDouble(), 1e-15);
        assertEquals(Math.sqrt(2 * 0.125 * 0.125), dice.get("sd").asDouble(), 1e-15);
        assertEquals("[0.75,1.0]", dice.get("ci").toString());
        assertEquals(0, dice.get("undefined").asInt());
        JsonNode hd2 = json.get("per_class").get("2").get("hd95");
        assertEquals(0, hd2.get("n").asInt());
        assertTrue(hd2.get("mean").isNull() && hd2.get("sd").isNull());
        assertEquals("[null,null]", hd2.get("ci").toString());
        assertEquals(1, hd2.get("undefined").asInt());
        assertEquals(1, hd2.get("infinite").asInt());
        assertTrue(json.get("per_class").get("2").get("dice").get("sd").isNull(), "one value has no sd");
        JsonNode overall = json.get("overall").get("dice");
        assertEquals(0.6875, overall.get("mean").asDouble(), 1e-15);
        assertEquals(1, overall.get("undefined").asInt());
        assertEquals(6, json.get("overall").size());
    }
}
