package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /* Restoration only has one loss term; the step must still report it (it failed with "not computed"). */
    @Test
    void restorationOnlyFitReturnsItsOnlyTermAndItsWeightedTotal() {
        GvslConfig config = GvslConfig.builder().optWidths(TINY).optVariant(Variant.RESTORATION_ONLY).optLambdaMse(2)
                .build();
        GvslGraph g = GvslGraphFactory.build(config, 1, SIZE);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8);
        Map<String, INDArray> in = g.inputs(x.mul(0.5), x);
        double before = g.output(in, "loss_mse").get("loss_mse").getDouble(0);
        Map<String, Double> step = g.fit(in);
        assertEquals(before, step.get("loss_mse"), 1e-6);
        assertEquals(2 * step.get("loss_mse"), step.get("loss_total"), 1e-6);
        assertTrue(g.fit(in).get("loss_mse") != before, "the step changed the weights");
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

    @Test
    void theBackboneGraphNamesItsInputAndBothFeatureMaps() {
        BackboneGraph g = GvslGraphFactory.backbone(TINY, 1, 2, new SpatialSize(9, 8, 17));
        assertEquals(List.of("unet."), g.sameDiff().variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(v -> v.name().substring(0, 5)).distinct().toList(), "only U-Net parameters");
        BackboneGraph.Features f = g.features(Nd4j.rand(DataType.FLOAT, 2, 1, 9, 8, 17));
        assertArrayEquals(new long[] {2, 4, 9, 8, 17}, f.local().shape());
        assertArrayEquals(new long[] {2, 8, 1, 1, 2}, f.global().shape());
        assertEquals(new SpatialSize(1, 1, 2), g.globalSize());
    }

    @Test
    void theRegistrationGraphComputesWhatTheTrainingGraphDoes() {
        GvslConfig config = GvslConfig.builder().optWidths(TINY).build();
        GvslGraph whole = GvslGraphFactory.build(config, 2, SIZE);
        RegistrationGraph registration = GvslGraphFactory.registration(config, 2, SIZE);
        ModelWeights.assign(registration.sameDiff(), whole.parameters(), true);
        INDArray fixed = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8);
        INDArray moving = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8);
        Map<String, INDArray> expected = whole.output(whole.inputs(fixed, moving, fixed), GvslGraph.DVF,
                GvslGraph.WARPED, GvslGraph.AFFINE_MATRIX);
        RegistrationGraph.Result r = registration.register(fixed, moving);
        assertEquals(expected.get(GvslGraph.DVF), r.dvf());
        assertEquals(expected.get(GvslGraph.WARPED), r.warped());
        assertEquals(expected.get(GvslGraph.AFFINE_MATRIX), r.affine());
        assertFalse(registration.sameDiff().hasVariable(GvslGraph.RESTORED), "no restoration head");
        assertFalse(registration.sameDiff().hasVariable(GvslGraph.LOSS_TOTAL), "no losses");
    }

    @Test
    void withoutTheAffineHeadTheRegistrationReportsTheIdentityMatrix() {
        GvslConfig config = GvslConfig.builder().optWidths(TINY).optVariant(Variant.NO_AFFINE).build();
        RegistrationGraph g = GvslGraphFactory.registration(config, 2, SIZE);
        RegistrationGraph.Result r = g.register(Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8),
                Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8));
        INDArray identity = Nd4j.create(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, new long[] {1, 3, 4},
                DataType.FLOAT);
        assertEquals(Nd4j.concat(0, identity, identity), r.affine());
        Map<String, INDArray> fields = g.sameDiff().output(Map.of(GvslGraph.FIXED, Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8,
                8), GvslGraph.MOVING, Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8)), GvslGraph.FLOW, GvslGraph.DVF);
        assertEquals(fields.get(GvslGraph.FLOW), fields.get(GvslGraph.DVF), "Φ = u");
    }

    @Test
    void registrationGraphsNeedHeadsAndAxesOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GvslGraphFactory.registration(
                GvslConfig.builder().optWidths(TINY).optVariant(Variant.RESTORATION_ONLY).build(), 1, SIZE));
        assertEquals("variant RESTORATION_ONLY has no registration heads", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GvslGraphFactory.registration(
                GvslConfig.builder().optWidths(TINY).build(), 1, new SpatialSize(8, 1, 8)));
        assertTrue(e.getMessage().contains("registration needs every spatial axis ≥ 2") && e.getMessage()
                .contains("8×1×8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GvslGraphFactory.backbone(TINY, 1, 0, SIZE));
        assertEquals("batch must be ≥ 1, got 0", e.getMessage());
    }
}
