package org.gvsl.model.transfer;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferGraphFactoryTest {

    static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);
    static final SpatialSize SIZE = SpatialSize.cube(8);

    static TransferConfig segmentation(TransferMode mode) {
        return TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(3).optWidths(TINY).optMode(mode).build();
    }

    static TransferConfig classification(TransferMode mode) {
        return TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(2).optWidths(TINY).optMode(mode).build();
    }

    /** A full GVSL state dict (backbone and Z-Matching heads) of the tiny widths, seed 9. */
    static Map<String, INDArray> pretrained() {
        Map<String, INDArray> dict = new LinkedHashMap<>();
        GvslGraphFactory.build(GvslConfig.builder().optWidths(TINY).optSeed(9).build(), 1, SIZE).parameters()
                .forEach((k, v) -> dict.put(k, v.dup()));
        return dict;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> weights) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        weights.forEach((k, v) -> c.put(k, v.dup()));
        return c;
    }

    private static long backwardConvolutions(TransferGraph g) {
        SameDiff grad = g.sameDiff().getFunction("grad");
        return grad.getOps().values().stream().filter(o -> o.getOp().opName().equals("conv3dnew_bp")).count();
    }

    @Test
    void oneSegmentationGraphPredictsAnyBatchSize() {
        TransferGraph g = TransferGraphFactory.build(segmentation(TransferMode.FINE_TUNE), SIZE);
        assertEquals(List.of(TransferGraph.LOSS_DICE, TransferGraph.LOSS_TOTAL), g.lossNames());
        assertEquals(72 + 2, g.parameterNames().size(), "9 double convolutions of 8 tensors, and out_conv");
        for (int batch : new int[] {1, 3}) {
            INDArray p = g.predict(Nd4j.rand(DataType.FLOAT, batch, 1, 8, 8, 8));
            assertArrayEquals(new long[] {batch, 3, 8, 8, 8}, p.shape());
            assertEquals(0.0, p.sum(1).sub(1.0).amaxNumber().doubleValue(), 1e-5);
        }
    }

    @Test
    void fitReportsTheLossTermsOfItsBatchAndTheirWeightedSum() {
        TransferConfig config = segmentation(TransferMode.FINE_TUNE).toBuilder().optLambdaCe(0.5).build();
        TransferGraph g = TransferGraphFactory.build(config, SIZE);
        assertEquals(List.of("loss_dice", "loss_ce", "loss_total"), g.lossNames());
        Nd4j.getRandom().setSeed(3);
        INDArray image = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8);
        INDArray labels = org.gvsl.model.OneHot.random(2, 3, SIZE, 1);
        Map<String, INDArray> in = g.inputs(image, labels);
        Map<String, INDArray> before = g.output(in, "loss_dice", "loss_ce", "loss_total");
        Map<String, Double> step = g.fit(in);
        for (String loss : before.keySet()) {
            assertEquals(before.get(loss).getDouble(0), step.get(loss), 1e-6, loss);
        }
        assertEquals(step.get("loss_dice") + 0.5 * step.get("loss_ce"), step.get("loss_total"), 1e-6);
        assertTrue(step.get("loss_dice") > 0 && step.get("loss_dice") < 1, "soft Dice in (0, 1): " + step);
    }

    @Test
    void linearEvaluationTrainsOnlyTheHeadAndRunsNoBackwardPassThroughTheBackbone() {
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8);
        INDArray labels = org.gvsl.model.OneHot.random(1, 3, SIZE, 2);
        for (TransferMode mode : TransferMode.values()) {
            TransferGraph g = TransferGraphFactory.build(segmentation(mode), SIZE, pretrained());
            Map<String, INDArray> before = copy(g.weights());
            g.fit(g.inputs(image, labels));
            Map<String, INDArray> after = g.weights();
            assertEquals(before.keySet(), after.keySet());
            for (String name : before.keySet()) {
                boolean changed = !before.get(name).equals(after.get(name));
                boolean trains = mode == TransferMode.FINE_TUNE || name.startsWith("out_conv.");
                if (name.endsWith(".weight") && !name.contains("double_conv.1") && !name.contains("double_conv.4")) {
                    assertEquals(trains, changed, mode + " " + name);
                }
            }
            if (mode == TransferMode.LINEAR) {
                assertEquals(Set.of("out_conv.weight", "out_conv.bias"), Set.copyOf(g.parameterNames()));
                assertEquals(1, backwardConvolutions(g), "only the head's convolution is differentiated");
                assertEquals(2, g.sameDiff().getUpdaterMap().size(), "no optimiser state for the backbone");
            } else {
                // the 18 U-Net convolutions and the head (GroupNorm's affine is a depthwise 2-D convolution)
                assertEquals(19, backwardConvolutions(g));
            }
        }
    }

    @Test
    void theBackboneComesFromAFullGvslDictAndTheHeadFromTheSeed() {
        Map<String, INDArray> dict = pretrained();
        TransferGraph scratch = TransferGraphFactory.build(segmentation(TransferMode.LINEAR), SIZE);
        TransferGraph g = TransferGraphFactory.build(segmentation(TransferMode.LINEAR), SIZE, dict);
        long backbone = 0;
        for (Map.Entry<String, INDArray> e : g.weights().entrySet()) {
            if (e.getKey().startsWith("unet.")) {
                assertEquals(dict.get(e.getKey()), e.getValue(), e.getKey());
                backbone++;
            } else {
                assertEquals(scratch.weights().get(e.getKey()), e.getValue(), "head " + e.getKey() + " is seeded");
            }
        }
        assertEquals(72, backbone);
        assertNotEquals(scratch.weights().get("unet.inc.double_conv.0.weight"),
                g.weights().get("unet.inc.double_conv.0.weight"));
        TransferGraph other = TransferGraphFactory.build(segmentation(TransferMode.LINEAR).toBuilder().optSeed(2)
                .build(), SIZE);
        assertNotEquals(scratch.weights().get("out_conv.weight"), other.weights().get("out_conv.weight"));
        // and after building, into the frozen backbone
        scratch.assignBackbone(dict);
        assertEquals(dict.get("unet.up4.conv.double_conv.3.weight"), scratch.weights()
                .get("unet.up4.conv.double_conv.3.weight"));
    }

    @Test
    void aBackboneWithMissingTensorsOrOtherWidthsIsRejectedListingThem() {
        Map<String, INDArray> dict = new HashMap<>(pretrained());
        dict.remove("unet.inc.double_conv.0.weight");
        dict.remove("unet.up1.conv.double_conv.4.bias");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TransferGraphFactory.build(segmentation(TransferMode.FINE_TUNE), SIZE, dict));
        assertTrue(missing.getMessage().contains("2 model tensors") && missing.getMessage().contains(
                "unet.inc.double_conv.0.weight") && missing.getMessage().contains("unet.up1.conv.double_conv.4.bias"),
                missing.getMessage());
        TransferConfig wider = segmentation(TransferMode.FINE_TUNE).toBuilder()
                .optWidths(new UNetWidths(8, 8, 8, 8, 8, 8, 8, 8, 8)).build();
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
                () -> TransferGraphFactory.build(wider, SIZE, pretrained()));
        assertTrue(shapes.getMessage().contains("'unet.inc.double_conv.0.weight' has shape [4, 1, 3, 3, 3], the model"
                + " expects [8, 1, 3, 3, 3]"), shapes.getMessage());
    }

    @Test
    void aLinearGraphSavesItsBackboneAsConstantsWithoutOptimiserState(@TempDir Path dir) throws IOException {
        TransferGraph g = TransferGraphFactory.build(segmentation(TransferMode.LINEAR), SIZE, pretrained());
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8, 8);
        g.fit(g.inputs(image, org.gvsl.model.OneHot.random(1, 3, SIZE, 5)));
        Path file = dir.resolve("linear.fb");
        g.sameDiff().save(file.toFile(), true);
        SameDiff loaded = GraphRuntime.load(file, true);
        long constants = loaded.variables().stream().filter(v -> v.getVariableType() == VariableType.CONSTANT
                && v.name().startsWith("unet.")).count();
        assertEquals(72, constants);
        assertEquals(2, loaded.getUpdaterMap().size());
        INDArray expected = g.predict(image);
        INDArray actual = loaded.output(Map.of("image", image), "probabilities").get("probabilities");
        assertEquals(0.0, expected.sub(actual).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void classificationBuildsOnlyTheEncoder() {
        for (TransferMode mode : TransferMode.values()) {
            TransferGraph g = TransferGraphFactory.build(classification(mode), SIZE, pretrained());
            assertFalse(g.weights().keySet().stream().anyMatch(n -> n.startsWith("unet.up")), "no decoder");
            assertEquals(40 + 2, g.weights().size());
            assertEquals(List.of(TransferGraph.LOSS_BCE, TransferGraph.LOSS_TOTAL), g.lossNames());
            INDArray p = g.predict(Nd4j.rand(DataType.FLOAT, 3, 1, 8, 8, 8));
            assertArrayEquals(new long[] {3, 2}, p.shape());
            assertTrue(p.minNumber().doubleValue() > 0 && p.maxNumber().doubleValue() < 1);
            INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}});
            Map<String, Double> losses = g.fit(g.inputs(Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8, 8), labels));
            assertTrue(losses.get("loss_bce") > 0, losses.toString());
            assertEquals(losses.get("loss_bce"), losses.get("loss_total"));
            if (mode == TransferMode.LINEAR) {
                assertEquals(Set.of("fc_cls.weight", "fc_cls.bias"), Set.copyOf(g.parameterNames()));
            } else {
                assertEquals(42, g.parameterNames().size());
            }
        }
    }
}
