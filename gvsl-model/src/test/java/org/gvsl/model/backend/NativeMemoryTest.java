package org.gvsl.model.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeMemoryTest {

    @Test
    void theLimitIsPositiveAndAtMostTheMachinesMemory() throws IOException {
        long ram = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).findFirst().orElseThrow();
        long limit = NativeMemory.limitBytes();
        assertTrue(limit > 0 && limit <= ram, limit + " of " + ram);
        // The surefire argLine caps JavaCPP at maxphysicalbytes=12G, below this machine's RAM.
        assertTrue(limit <= 12L << 30, "JavaCPP's cap counts: " + limit);
    }
}
