package org.gvsl.model.transfer;

import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferConfigTest {

    @Test
    void defaultsAreTheMethodsFineTuningWithDiceAlone() {
        TransferConfig c = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(8).build();
        assertEquals(UNetWidths.PAPER, c.widths());
        assertEquals(TransferMode.FINE_TUNE, c.mode());
        assertEquals(0.0, c.lambdaCe());
        assertEquals(1e-4, c.learningRate());
        assertEquals(0.9, c.beta1());
        assertEquals(0.999, c.beta2());
        assertEquals(1e-8, c.adamEpsilon());
        assertEquals(c, c.toBuilder().build());
        TransferConfig d = c.toBuilder().optMode(TransferMode.LINEAR).optSeed(5).optLambdaCe(0.5).build();
        assertEquals(d, d.toBuilder().build());
        assertEquals(1e-4, d.updater().getLearningRate(0, 0));
    }

    @Test
    void classCountsAreCheckedPerTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(1).build());
        assertTrue(e.getMessage().contains("classes ≥ 2") && e.getMessage().contains("got 1"), e.getMessage());
        assertEquals(1, TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(1).build().classes());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(0).build());
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> TransferConfig.builder(TransferTask.SEGMENTATION).build());
        assertTrue(missing.getMessage().contains("setClasses"), missing.getMessage());
    }

    @Test
    void crossEntropyWeightIsForSegmentationAndNonNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(3).optLambdaCe(-0.1).build());
        assertTrue(e.getMessage().contains("lambdaCe") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(1).optLambdaCe(1).build());
        assertTrue(e.getMessage().contains("segmentation only"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(3).optLearningRate(-1).build());
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }
}
