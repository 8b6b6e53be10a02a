package org.gvsl.train.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommonOptionsTest {

    @Test
    void theSharedOptionsCarryTheirFlagsRangesAndResumeRule() {
        assertShared(CommonOptions.threads().build(), "threads", "--threads", Range.atLeast(0), true);
        assertShared(CommonOptions.workers().build(), "workers", "--workers", Range.atLeast(1), true);
        assertShared(CommonOptions.steps().byDefault(1).build(), "steps", "--steps", Range.atLeast(1), true);
        assertShared(CommonOptions.checkpointEvery().byDefault(1).build(), "checkpointEvery", "--checkpoint-every",
                Range.atLeast(1), true);
        assertShared(CommonOptions.keepCheckpoints().build(), "keepCheckpoints", "--keep-checkpoints", Range.atLeast(1),
                true);
        assertShared(CommonOptions.plotEvery().byDefault(1).build(), "plotEvery", "--plot-every", Range.atLeast(1), true);
        assertShared(CommonOptions.seed().byDefault(1L).build(), "seed", "--seed", null, false);
        assertShared(CommonOptions.learningRate().byDefault(1e-3).build(), "learningRate", "--lr", null, false);
        assertShared(CommonOptions.output().build(), "output", "--output", null, false);
        assertShared(CommonOptions.runDir().build(), "runDir", "--run-dir", null, false);
    }

    @Test
    void defaultsWhereAllCommandsAgree() {
        assertEquals(0, CommonOptions.threads().build().defaultFor(Profile.PAPER));
        assertEquals(1, CommonOptions.workers().build().defaultFor(Profile.DEMO));
        assertEquals(3, CommonOptions.keepCheckpoints().build().defaultFor(Profile.DEMO));
        assertEquals(Path.of("runs"), CommonOptions.output().build().defaultFor(Profile.DEMO));
        assertTrue(CommonOptions.runDir().build().nullable());
        assertEquals(CommonOptions.THREADS, CommonOptions.threads().build().key());
    }

    private static void assertShared(ConfigOption<?> o, String key, String flag, Range range, boolean resumable) {
        assertEquals(key, o.key());
        assertEquals(List.of(flag), o.flags());
        assertEquals(range, o.range().orElse(null), key);
        assertEquals(resumable, o.resumable(), key);
        assertFalse(o.help().isBlank(), key);
    }
}
