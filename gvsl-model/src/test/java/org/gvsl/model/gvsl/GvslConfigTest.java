package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GvslConfigTest {

    @Test
    void defaultsAreTheMethods() {
        GvslConfig c = GvslConfig.builder().build();
        assertEquals(UNetWidths.PAPER, c.widths());
        assertEquals(9, c.nccWindow());
        assertEquals(1.0, c.lambdaSmooth());
        assertEquals(1.0, c.lambdaMse());
        assertEquals(Variant.FULL, c.variant());
        assertEquals(1e-4, c.learningRate());
        assertEquals(0.9, c.beta1());
        assertEquals(0.999, c.beta2());
        assertEquals(1e-8, c.adamEpsilon());
    }

    @Test
    void toBuilderReproducesTheConfiguration() {
        GvslConfig c = GvslConfig.builder().optWidths(UNetWidths.NARROW).optSeed(7).optVariant(Variant.NO_AFFINE)
                .optLambdaSmooth(0.5).build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void invalidValuesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GvslConfig.builder().optNccWindow(4).build());
        assertTrue(e.getMessage().contains("nccWindow must be odd and positive, got 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GvslConfig.builder().optLambdaMse(-1).build());
        assertTrue(e.getMessage().contains("lambdaMse must be finite and ≥ 0, got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GvslConfig.builder().optLearningRate(0).build());
        assertTrue(e.getMessage().contains("learningRate must be positive and finite, got 0.0"), e.getMessage());
    }
}
