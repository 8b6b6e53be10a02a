package org.gvsl.train.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LossLogTest {

    private static final List<String> TERMS = List.of("loss_ncc", "loss_total");

    @Test
    void writesOneRowPerStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LossLog.FILE);
        try (LossLog log = LossLog.create(file, TERMS)) {
            log.append(1, Map.of("loss_ncc", 0.5, "loss_total", 0.75), 2.0314, 1_034_200_000L);
            log.append(2, Map.of("loss_ncc", Double.NaN, "loss_total", 0.25), 1.5, -1);
        }
        assertEquals(List.of("step,loss_ncc,loss_total,seconds,rss_mb", "1,0.5000000,0.7500000,2.031,1034.2",
                "2,NaN,0.2500000,1.500,-1.0"), Files.readAllLines(file));
    }

    @Test
    void resumingKeepsTheStepsUpToTheCheckpointAndDropsAHalfRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LossLog.FILE);
        try (LossLog log = LossLog.create(file, TERMS)) {
            for (int s = 1; s <= 5; s++) {
                log.append(s, Map.of("loss_ncc", 1.0 / s, "loss_total", 2.0 / s), 1, 1);
            }
        }
        Files.writeString(file, "6,0.1", StandardOpenOption.APPEND);   // a killed process's half row
        try (LossLog log = LossLog.resume(file, TERMS, 4)) {
            assertArrayEquals(new int[] {1, 2, 3, 4}, log.history().steps());
            log.append(5, Map.of("loss_ncc", 9.0, "loss_total", 9.0), 1, 1);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(6, lines.size());
        assertEquals("5,9.000000,9.000000,1.000,0.0", lines.get(5));
    }

    @Test
    void resumingWithoutALogStartsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LossLog.FILE);
        try (LossLog log = LossLog.resume(file, TERMS, 10)) {
            assertEquals(0, log.history().size());
        }
        assertEquals(List.of("step,loss_ncc,loss_total,seconds,rss_mb"), Files.readAllLines(file));
    }
}
