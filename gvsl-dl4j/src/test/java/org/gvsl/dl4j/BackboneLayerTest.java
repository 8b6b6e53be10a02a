package org.gvsl.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.reference.OutputResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackboneLayerTest {

    private static final UNetWidths TINY = UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4);

    @Test
    void localFeaturesAreTheSameDiffBackbonesToFloat32Rounding() {
        PretrainedBackbone backbone = ReferenceBackbone.backbone();
        INDArray x = ReferenceBackbone.input();
        ComputationGraph net = Networks.backboneOnly(backbone.layer().build(), 20, 28, 24);
        backbone.copyInto(net.getLayer(Networks.BACKBONE));

        INDArray local = net.outputSingle(x);
        INDArray expected = ReferenceBackbone.sameDiffFeatures(x)[0];
        assertArrayEquals(new long[] {1, 8, 20, 28, 24}, local.shape());
        assertTrue(Networks.maxAbsDiff(local, expected) <= 1e-6 * expected.amaxNumber().doubleValue(),
                "max |DL4J − SameDiff| = " + Networks.maxAbsDiff(local, expected));
        OutputResult pytorch = ReferenceBackbone.CASE.check("f1", local);
        assertTrue(pytorch.passed(), pytorch.line());
    }

    @Test
    void globalFeaturesAreTheBottleneckOfThePaddedInput() {
        PretrainedBackbone backbone = ReferenceBackbone.backbone();
        INDArray x = ReferenceBackbone.input();
        ComputationGraph net = Networks.backboneOnly(backbone.layer().optOutput(BackboneLayer.Output.GLOBAL).build(),
                20, 28, 24);
        backbone.copyInto(net.getLayer(Networks.BACKBONE));

        INDArray global = net.outputSingle(x);
        INDArray expected = ReferenceBackbone.sameDiffFeatures(x)[1];
        assertArrayEquals(new long[] {1, 128, 2, 2, 2}, global.shape());
        assertTrue(Networks.maxAbsDiff(global, expected) <= 1e-6 * expected.amaxNumber().doubleValue(),
                "max |DL4J − SameDiff| = " + Networks.maxAbsDiff(global, expected));
        OutputResult pytorch = ReferenceBackbone.CASE.check("g1", global);
        assertTrue(pytorch.passed(), pytorch.line());
    }

    @Test
    void outputTypesFollowTheFeatures() {
        InputType in = Networks.volume(20, 28, 24);
        assertEquals(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 20, 28, 24, 4),
                BackboneLayer.builder().setWidths(TINY).build().getOutputType(0, in));
        assertEquals(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 2, 2, 2, 8),
                BackboneLayer.builder().setWidths(TINY).optOutput(BackboneLayer.Output.GLOBAL).build()
                        .getOutputType(0, in));
    }

    @Test
    void initialValuesAreThoseOfOurModelWithTheSameSeed() {
        ComputationGraph net = Networks.backboneOnly(BackboneLayer.builder().setWidths(TINY).optSeed(5).build(),
                16, 16, 16);
        SameDiff sd = GraphRuntime.newGraph();
        new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 5), BackboneParamNames.PREFIX, TINY);

        Map<String, INDArray> dl4j = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE)).weights();
        assertEquals(sd.variables().size(), dl4j.size());
        sd.variables().forEach(v -> assertEquals(v.getArr(), dl4j.get(v.name()), v.name()));
    }

    @Test
    void fitLowersTheLossAndMovesTheBackbone() {
        DataSet pair = syntheticPair(16);
        ComputationGraph net = Networks.regression(BackboneLayer.builder().setWidths(TINY).build(), 1e-2, 16, 16, 16);
        Map<String, INDArray> before = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE)).weights();
        double first = net.score(pair);
        for (int i = 0; i < 4; i++) {
            net.fit(pair);
        }
        assertTrue(net.score(pair) < first, "loss " + first + " → " + net.score(pair));
        Map<String, INDArray> after = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE)).weights();
        assertNotEquals(before.get("unet.inc.double_conv.0.weight"), after.get("unet.inc.double_conv.0.weight"));
        assertNotEquals(before.get("unet.up4.conv.double_conv.4.bias"), after.get("unet.up4.conv.double_conv.4.bias"));
    }

    @Test
    void globalFeaturesTrainToo() {
        INDArray x = syntheticPair(16).getFeatures();
        DataSet pair = new DataSet(x, Nd4j.ones(DataType.FLOAT, 1, 1, 1, 1, 1));
        ComputationGraph net = Networks.regression(BackboneLayer.builder().setWidths(TINY)
                .optOutput(BackboneLayer.Output.GLOBAL).build(), 1e-2, 16, 16, 16);
        double first = net.score(pair);
        for (int i = 0; i < 4; i++) {
            net.fit(pair);
        }
        assertTrue(net.score(pair) < first, "loss " + first + " → " + net.score(pair));
    }

    @Test
    void aFrozenBackboneKeepsItsWeightsBitForBitWhileTheHeadLearns() {
        DataSet pair = syntheticPair(16);
        ComputationGraph net = Networks.regression(new FrozenLayer(BackboneLayer.builder().setWidths(TINY).build()),
                1e-2, 16, 16, 16);
        Map<String, INDArray> before = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE)).weights();
        INDArray head = net.getLayer(Networks.HEAD).params().dup();
        double first = net.score(pair);
        for (int i = 0; i < 4; i++) {
            net.fit(pair);
        }
        assertTrue(net.score(pair) < first, "loss " + first + " → " + net.score(pair));
        assertNotEquals(head, net.getLayer(Networks.HEAD).params());
        Map<String, INDArray> after = PretrainedBackbone.of(net.getLayer(Networks.BACKBONE)).weights();
        before.forEach((name, w) -> assertArrayEquals(w.data().asFloat(), after.get(name).data().asFloat(), name));
    }

    @Test
    void modelSerializerRestoresTheSameNetwork(@TempDir Path dir) throws Exception {
        DataSet pair = syntheticPair(16);
        for (boolean frozen : new boolean[] {false, true}) {
            BackboneLayer layer = BackboneLayer.builder().setWidths(TINY).optSeed(3).build();
            ComputationGraph net = Networks.regression(frozen ? new FrozenLayer(layer) : layer, 1e-2, 16, 16, 16);
            net.fit(pair);
            File file = dir.resolve("net-" + frozen + ".zip").toFile();
            ModelSerializer.writeModel(net, file, true);
            ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

            assertEquals(net.getConfiguration(), restored.getConfiguration());
            assertEquals(net.params(), restored.params());
            assertEquals(net.outputSingle(pair.getFeatures()), restored.outputSingle(pair.getFeatures()));
            net.fit(pair);
            restored.fit(pair);
            assertEquals(net.params(), restored.params(), "one more step from the restored updater state");
        }
    }

    @Test
    void theConfigurationSurvivesJson() {
        ComputationGraph net = Networks.regression(BackboneLayer.builder().setWidths(TINY)
                .optOutput(BackboneLayer.Output.GLOBAL).optSeed(9).build(), 1e-3, 17, 16, 33);
        ComputationGraphConfiguration conf = net.getConfiguration();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertNotEquals(conf, Networks.regression(BackboneLayer.builder().setWidths(TINY).optSeed(9).build(), 1e-3,
                17, 16, 33).getConfiguration(), "the output is part of the configuration");
    }

    @Test
    void anInputOfAnotherSizeIsRejectedByName() {
        ComputationGraph net = Networks.backboneOnly(BackboneLayer.builder().setWidths(TINY).build(), 16, 16, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.outputSingle(Nd4j.zeros(DataType.FLOAT, 1, 1, 16, 16, 20)));
        assertTrue(e.getMessage().contains("GVSL backbone 'backbone'") && e.getMessage().contains("16×16×16")
                && e.getMessage().contains("[1, 1, 16, 16, 20]"), e.getMessage());
    }

    @Test
    void onlyOneChannelVolumesAreAccepted() {
        BackboneLayer layer = BackboneLayer.builder().setWidths(TINY).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.setNIn(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 16, 16, 16, 2), false));
        assertTrue(e.getMessage().contains("one-channel volumes") && e.getMessage().contains("c=2"), e.getMessage());
    }

    @Test
    void theWidthsAreRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BackboneLayer.builder().build());
        assertTrue(e.getMessage().contains("setWidths is required"), e.getMessage());
    }

    /** A seeded random volume and a target that depends on it non-linearly, {@code x² − 1/4}: {@code [1, 1, s³]}. */
    private static DataSet syntheticPair(int s) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, s, s, s);
        return new DataSet(x, x.mul(x).sub(0.25));
    }
}
