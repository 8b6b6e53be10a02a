package org.gvsl.train.pretrain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PretrainResultTest {

    @Test
    void aStoppedRunExitsWithOne() {
        RunFolder f = new RunFolder(Path.of("r"));
        assertEquals(0, new PretrainResult(PretrainResult.Status.COMPLETED, f, 5, Duration.ZERO, null, "").exitCode());
        assertEquals(1, new PretrainResult(PretrainResult.Status.NON_FINITE, f, 5, Duration.ZERO, null, "").exitCode());
    }
}
