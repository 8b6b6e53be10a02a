package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StepMemoryEstimateTest {

    private static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);

    private static GvslConfig tiny(Variant variant) {
        return GvslConfig.builder().optWidths(TINY).optVariant(variant).build();
    }

    @Test
    void countsTheParametersOfTheModelItBuilds() {
        assertEquals(32_440_739, StepMemoryEstimate.parameterCount(GvslConfig.builder().build()));
        for (Variant v : Variant.values()) {
            GvslGraph g = GvslGraphFactory.build(tiny(v), 1, SpatialSize.cube(8));
            long built = g.parameters().values().stream().mapToLong(INDArray::length).sum();
            assertEquals(built, StepMemoryEstimate.parameterCount(tiny(v)), v.toString());
        }
    }

    @Test
    void addsRuntimeParameterCopiesAndActivations() {
        // 8³ is padded to 16³ for the U-Net: 2 volumes × 4096 voxels × (4 + 4/8 + 8/64 + 8/512 + 8/4096 + 8/512
        // + 8/64 + 4/8 + 4) = 76 048 elements; the heads 1 × 512 voxels × (4·4 + 16) = 16 384; k = 8.2, 4 bytes.
        StepMemoryEstimate e = StepMemoryEstimate.of(tiny(Variant.FULL), 1000, 1, SpatialSize.cube(8), DataType.FLOAT);
        assertEquals(750_000_000L, e.runtimeBytes());
        assertEquals(4 * 1000 * 4, e.parameterBytes());
        assertEquals(Math.round(8.2 * 4 * (76_048 + 16_384)), e.activationBytes());
        assertEquals(e.runtimeBytes() + e.parameterBytes() + e.activationBytes(), e.totalBytes());
        // float64 doubles everything but the runtime; restoration only sends the batch through the U-Net once
        StepMemoryEstimate f64 = StepMemoryEstimate.of(tiny(Variant.FULL), 1000, 1, SpatialSize.cube(8),
                DataType.DOUBLE);
        assertEquals(2 * e.parameterBytes(), f64.parameterBytes());
        assertEquals(Math.round(8.2 * 8 * (76_048 + 16_384)), f64.activationBytes());
        assertEquals(Math.round(8.2 * 4 * (76_048 / 2 + 16_384)), StepMemoryEstimate.of(
                tiny(Variant.RESTORATION_ONLY), 1000, 1, SpatialSize.cube(8), DataType.FLOAT).activationBytes());
    }

    @Test
    void aTransferStepCountsOneUNetPassAndTheSegmentationHeadOrTheEncoderAlone() {
        TransferConfig segmentation = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(3).optWidths(TINY)
                .build();
        // U-Net of one volume: 4096 · 9.5 = 38 024 elements (half the pair's above); the head 512 voxels · 4·3 = 6144
        StepMemoryEstimate fineTune = StepMemoryEstimate.ofTransfer(segmentation, 1000, 0, 1, SpatialSize.cube(8),
                DataType.FLOAT);
        assertEquals(Math.round(8.2 * 4 * (38_024 + 6_144)), fineTune.activationBytes());
        assertEquals(4 * 1000 * 4, fineTune.parameterBytes());
        // linear: 100 trainable head parameters with gradient and Adam state, 900 frozen ones held once
        assertEquals((4 * 100 + 900) * 4, StepMemoryEstimate.ofTransfer(segmentation.toBuilder()
                .optMode(TransferMode.LINEAR).build(), 100, 900, 1, SpatialSize.cube(8), DataType.FLOAT)
                .parameterBytes());
        // classification: the encoder's levels only, 4096 · (4 + 4/8 + 8/64 + 8/512 + 8/4096) = 19 016 per volume
        TransferConfig classification = TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(1)
                .optWidths(TINY).build();
        assertEquals(Math.round(8.2 * 4 * 2 * 19_016), StepMemoryEstimate.ofTransfer(classification, 1000, 0, 2,
                SpatialSize.cube(8), DataType.FLOAT).activationBytes());
    }

    @Test
    void thePapersCropAndBatchAtFullWidthAreEstimatedAtFortyFourAndAHalfGigabytes() {
        StepMemoryEstimate e = StepMemoryEstimate.of(GvslConfig.builder().build(), 32_440_739, 2,
                SpatialSize.cube(128), DataType.FLOAT);
        // 2·2·128³·85.125 + 2·128³·144 = 1.318e9 elements, 8.2 bytes per 4-byte element
        assertEquals(44.5e9, e.totalBytes(), 0.1e9);
        assertEquals("about 44.5 GB (runtime 0.8, parameters with gradients and Adam state 0.5, activations 43.2)",
                e.describe());
    }

    @Test
    void aRunAboveTheReachableMemoryIsRefusedWithItsEstimateUnlessTheCheckIsOff() {
        StepMemoryEstimate e = new StepMemoryEstimate(300_000_000L, 800_000_000L, 900_000_000L);
        assertDoesNotThrow(() -> e.requireFits("a step", 2_000_000_000L));
        assertDoesNotThrow(() -> e.requireFits("a step", -1), "unknown memory: never refused");
        StepMemoryEstimate.DoesNotFitException refused = assertThrows(StepMemoryEstimate.DoesNotFitException.class,
                () -> e.requireFits("a step", 1_999_999_999L));
        assertEquals("a step needs about 2.0 GB (runtime 0.3, parameters with gradients and Adam state 0.8,"
                + " activations 0.9), but this process can have about 2.0 GB (free memory or its memory limit); use a"
                + " smaller crop, batch or widths, or set -Dgvsl.memoryCheck=off (JAVA_OPTS) to try anyway",
                refused.getMessage());
        System.setProperty(StepMemoryEstimate.CHECK_PROPERTY, "off");
        try {
            assertDoesNotThrow(() -> e.requireFits("a step", 1_000_000_000L));
        } finally {
            System.clearProperty(StepMemoryEstimate.CHECK_PROPERTY);
        }
    }
}
