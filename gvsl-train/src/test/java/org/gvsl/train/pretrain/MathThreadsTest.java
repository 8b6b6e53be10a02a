package org.gvsl.train.pretrain;

import org.gvsl.model.backend.NativeBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MathThreadsTest {

    @Test
    void zeroKeepsTheDefaultAndNegativeIsRejected() {
        NativeBackend.initialise();
        int threads = MathThreads.apply(0);
        assertTrue(threads >= 1);
        assertEquals(threads, MathThreads.apply(threads));
        try {
            assertEquals(1, MathThreads.apply(1));
            assertTrue(NativeBackend.describe().endsWith(", 1 threads"), NativeBackend.describe());
        } finally {
            MathThreads.apply(threads);
        }
        String e = assertThrows(IllegalArgumentException.class, () -> MathThreads.apply(-1)).getMessage();
        assertTrue(e.contains("threads must be ≥ 0 (0 = ND4J's default), got -1"), e);
    }
}
