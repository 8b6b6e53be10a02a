package org.gvsl.dl4j;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainedBackboneTest {

    @Test
    void aStateDictFileGivesTheBackboneAndItsWidths(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.npz");
        ModelWeights.writeNpz(ReferenceBackbone.allWeights(), file);
        PretrainedBackbone backbone = PretrainedBackbone.load(file);
        assertEquals(UNetWidths.NARROW, backbone.widths());
        assertEquals(72, backbone.weights().size(), "the U-Net's tensors, not the heads'");
        assertTrue(backbone.weights().keySet().stream().allMatch(n -> n.startsWith("unet.")));
    }

    @Test
    void weightsGoIntoTheNetworkAndComeBackUnderTheReferenceNames() {
        PretrainedBackbone backbone = ReferenceBackbone.backbone();
        ComputationGraph net = Networks.backboneOnly(backbone.layer().build(), 16, 16, 16);
        backbone.copyInto(net.getLayer(Networks.BACKBONE));
        PretrainedBackbone back = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE));
        assertEquals(backbone.widths(), back.widths());
        assertEquals(backbone.weights().keySet(), back.weights().keySet());
        backbone.weights().forEach((name, w) -> assertEquals(w, back.weights().get(name), name));
    }

    @Test
    void anIncompleteOrMisshapenDictIsRefusedWithAList() {
        Map<String, INDArray> weights = new HashMap<>(ReferenceBackbone.allWeights());
        weights.remove("unet.up2.conv.double_conv.1.weight");
        weights.put("unet.up2.conv.extra", Nd4j.zeros(3));
        weights.put("unet.inc.double_conv.1.bias", Nd4j.zeros(9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PretrainedBackbone.of(weights));
        assertTrue(e.getMessage().contains("1 missing: [unet.up2.conv.double_conv.1.weight]")
                && e.getMessage().contains("1 unexpected: [unet.up2.conv.extra]")
                && e.getMessage().contains("unet.inc.double_conv.1.bias has shape [9]"), e.getMessage());
    }

    @Test
    void aFileWithoutABackboneIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("heads.npz");
        ModelWeights.writeNpz(Map.of("out_flow.weight", Nd4j.zeros(3, 8)), file);
        IOException e = assertThrows(IOException.class, () -> PretrainedBackbone.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no backbone weights (unet.*)"),
                e.getMessage());
        Files.writeString(file, "not a zip");
        e = assertThrows(IOException.class, () -> PretrainedBackbone.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void weightsOfOtherWidthsOrAnotherLayerAreRefused() {
        PretrainedBackbone backbone = ReferenceBackbone.backbone();
        ComputationGraph tiny = Networks.regression(BackboneLayer.builder()
                .setWidths(UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4)).build(), 1e-3, 16, 16, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backbone.copyInto(tiny.getLayer(Networks.BACKBONE)));
        assertTrue(e.getMessage().contains("layer 'backbone' has widths [4, 4, 8, 8, 8, 8, 8, 4, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> backbone.copyInto(tiny.getLayer(Networks.HEAD)));
        assertTrue(e.getMessage().contains("layer 'head' is a Convolution3D, not a GVSL BackboneLayer"),
                e.getMessage());
    }
}
