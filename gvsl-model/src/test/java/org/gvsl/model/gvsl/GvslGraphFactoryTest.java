package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GvslGraphFactoryTest {

    private static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);
    private static final SpatialSize SIZE = SpatialSize.cube(8);

    private static GvslGraph build(Variant variant) {
        return GvslGraphFactory.build(GvslConfig.builder().optWidths(TINY).optVariant(variant).build(), 1, SIZE);
    }

    private static long parameterCount(GvslGraph g) {
        return g.parameters().values().stream().mapToLong(INDArray::length).sum();
    }

    @Test
    void paperWidthsHaveTheReferenceParameterCount() {
        GvslGraph g = GvslGraphFactory.build(GvslConfig.builder().build(), 1, SpatialSize.cube(16));
        assertEquals(32_440_739L, parameterCount(g));
        assertEquals(104, g.parameterNames().size());
    }

    @Test
    void fullModelNamesItsInputsOutputsAndLosses() {
        GvslGraph g = build(Variant.FULL);
        assertEquals(List.of("fixed", "moving", "target"), g.inputNames());
        assertEquals(List.of("loss_ncc", "loss_smooth", "loss_mse", "loss_total"), g.lossNames());
        for (String name : List.of(GvslGraph.AFFINE_RAW, GvslGraph.AFFINE_MATRIX, GvslGraph.AFFINE_FIELD,
                GvslGraph.FLOW, GvslGraph.DVF, GvslGraph.WARPED, GvslGraph.RESTORED)) {
            assertTrue(g.has(name), name);
        }
    }

    @Test
    void withoutTheAffineHeadTheFieldIsTheDeformation() {
        GvslGraph g = build(Variant.NO_AFFINE);
        assertFalse(g.has(GvslGraph.DVF));
        assertFalse(g.parameterNames().stream().anyMatch(n -> n.startsWith("fc_") || n.startsWith("f_conv")));
        assertTrue(g.has(GvslGraph.FLOW));
    }

    @Test
    void restorationOnlyUsesTheFixedImageAndTheMse() {
        GvslGraph g = build(Variant.RESTORATION_ONLY);
        assertEquals(List.of("fixed", "target"), g.inputNames());
        assertEquals(List.of("loss_mse", "loss_total"), g.lossNames());
        assertTrue(g.parameterNames().stream().allMatch(n -> n.startsWith("unet.") || n.startsWith("res_conv.")));
    }

    @Test
    void noRestorationDropsTheHeadAndItsLoss() {
        GvslGraph g = build(Variant.NO_RESTORATION);
        assertEquals(List.of("loss_ncc", "loss_smooth", "loss_total"), g.lossNames());
        assertFalse(g.has(GvslGraph.RESTORED));
    }

    @Test
    void fitReturnsTheLossTermsOfItsForwardPassAndTheirWeightedSum() {
        GvslConfig config = GvslConfig.builder().optWidths(TINY).optLambdaSmooth(0.5).optLambdaMse(2).build();
        GvslGraph g = GvslGraphFactory.build(config, 1, SIZE);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8);
        Map<String, INDArray> in = g.inputs(x, Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8), x);
        Map<String, INDArray> before = g.output(in, "loss_ncc", "loss_smooth", "loss_mse", "loss_total");
        Map<String, Double> step = g.fit(in);
        for (String loss : before.keySet()) {
            assertEquals(before.get(loss).getDouble(0), step.get(loss), 1e-6, loss);
        }
        assertEquals(step.get("loss_ncc") + 0.5 * step.get("loss_smooth") + 2 * step.get("loss_mse"),
                step.get("loss_total"), 1e-5);
    }

    @Test
    void inputsOfAnotherSizeAreRejectedNamingBothShapes() {
        GvslGraph g = build(Variant.FULL);
        INDArray ok = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.inputs(ok, Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 9), ok));
        assertTrue(e.getMessage().contains("moving") && e.getMessage().contains("[1, 1, 8, 8, 8]")
                && e.getMessage().contains("[1, 1, 8, 8, 9]"), e.getMessage());
    }

    @Test
    void registrationNeedsEveryAxisAtLeastTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GvslGraphFactory.build(
                GvslConfig.builder().optWidths(TINY).build(), 1, new SpatialSize(8, 8, 1)));
        assertTrue(e.getMessage().contains("8×8×1"), e.getMessage());
    }
}
