package org.gvsl.train.monitor;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressDisplayTest {

    private static Map<String, Double> losses() {
        Map<String, Double> l = new LinkedHashMap<>();
        l.put("loss_ncc", 0.41234);
        l.put("loss_total", 0.5);
        return l;
    }

    @Test
    void theMessageShowsEachTermTheStepTimeAndMemory() {
        assertEquals("ncc 0.4123 total 0.5000 | 1.91 s/step | rss 1.0 GB",
                ProgressDisplay.message(losses(), 1.9149, 1_020_000_000L));
    }

    @Test
    void withoutATerminalItPrintsLinesWithStepsAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressDisplay p = ProgressDisplay.start(4, 10, Duration.ofSeconds(40), stream, false)) {
            p.step(5, losses(), 10, 1);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("5/10"), text);
        assertTrue(text.contains("ncc 0.4123"), text);
        assertTrue(!text.contains("\r"), text);
    }
}
