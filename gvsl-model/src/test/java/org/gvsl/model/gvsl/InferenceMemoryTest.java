package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InferenceMemoryTest {

    @Test
    void theEstimateGrowsWithThePaddedVolumeAndTheOuterWidths() {
        long base = 600L << 20;
        long weights = 8L * 32_440_739;
        // 128³ is already a multiple of 16; c0 + c8 = 64 at the paper's widths.
        assertEquals(base + weights + 128L * 128 * 128 * 64 * 64,
                InferenceMemory.registration(UNetWidths.PAPER, 32_440_739, SpatialSize.cube(128)));
        // 100×120×17 is padded to 112×128×32 for the U-Net; the narrow widths have c0 + c8 = 16.
        assertEquals(base + 8L * 1000 + 112L * 128 * 32 * 16 * 24,
                InferenceMemory.features(UNetWidths.NARROW, 1000, new SpatialSize(100, 120, 17)));
    }
}
