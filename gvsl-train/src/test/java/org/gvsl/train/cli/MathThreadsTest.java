package org.gvsl.train.cli;

import org.gvsl.model.backend.NativeBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MathThreadsTest {

    @Test
    void zeroKeepsTheCountAndAPositiveCountIsSet() {
        int threads = MathThreads.apply(0);
        assertTrue(threads >= 1);
        assertEquals(threads, MathThreads.apply(0));
        try {
            assertEquals(1, MathThreads.apply(1));
            assertTrue(NativeBackend.describe().endsWith(", 1 threads"), NativeBackend.describe());
        } finally {
            MathThreads.apply(threads);
        }
        assertEquals(threads, MathThreads.apply(0));
    }

    @Test
    void aNegativeCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathThreads.apply(-1));
        assertTrue(e.getMessage().contains("threads must be ≥ 0 (0 = ND4J's default), got -1"), e.getMessage());
    }
}
