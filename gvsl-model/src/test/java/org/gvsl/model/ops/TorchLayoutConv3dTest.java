package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TorchLayoutConv3dTest {

    private static final Conv3DConfig CONFIG = Conv3DConfig.builder().kD(3).kH(3).kW(3).sD(1).sH(1).sW(1)
            .pD(1).pH(1).pW(1).dD(1).dH(1).dW(1).paddingMode(PaddingMode.SAME).dataFormat(Conv3DConfig.NCDHW)
            .biasUsed(true).build();

    /** Output and gradients of {@code Σ y · r} with the weight [5, 3, 3, 3, 3] read in place or permuted first. */
    private static Map<String, INDArray> run(SameDiff sd, boolean torchLayout, DataType type) {
        Nd4j.getRandom().setSeed(2);
        SDVariable x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 5, 6).castTo(type));
        SDVariable w = sd.var("w", Nd4j.rand(DataType.DOUBLE, 5, 3, 3, 3, 3).subi(0.5).castTo(type));
        SDVariable b = sd.var("b", Nd4j.rand(DataType.DOUBLE, 5).castTo(type));
        SDVariable y = torchLayout ? TorchLayoutConv3d.apply(x, w, b, CONFIG)
                : sd.cnn.conv3d(x, sd.permute(w, 2, 3, 4, 1, 0), b, CONFIG);
        SDVariable loss = y.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 5, 4, 5, 6).castTo(type))).sum("loss");
        sd.setLossVariables(loss.name());
        Map<String, INDArray> out = new HashMap<>(sd.calculateGradients(Map.of(), "x", "w", "b"));
        out.put("y", sd.output(Map.of(), y.name()).get(y.name()));
        return out;
    }

    @Test
    void readsTheWeightInPytorchLayoutAndGivesItsGradientInTheSameLayout() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Map<String, INDArray> inPlace = run(GradientCheck.graph(), true, type);
            Map<String, INDArray> permuted = run(GradientCheck.graph(), false, type);
            assertArrayEquals(new long[] {5, 3, 3, 3, 3}, inPlace.get("w").shape());
            for (String name : new String[] {"y", "x", "w", "b"}) {
                assertEquals(0.0, inPlace.get(name).sub(permuted.get(name)).amaxNumber().doubleValue(),
                        type == DataType.FLOAT ? 1e-5 : 1e-12, type + " " + name);
            }
        }
    }

    @Test
    void aSavedGraphKeepsTheLayoutInItsGradient(@TempDir Path dir) throws Exception {
        SameDiff sd = GradientCheck.graph();
        Map<String, INDArray> before = run(sd, true, DataType.FLOAT);
        Path file = dir.resolve("conv.fb");
        sd.save(file.toFile(), false);
        SameDiff loaded = GraphRuntime.load(file, false);
        loaded.setLossVariables("loss");
        Map<String, INDArray> after = loaded.calculateGradients(Map.of(), "x", "w", "b");
        for (String name : new String[] {"x", "w", "b"}) {
            assertArrayEquals(before.get(name).data().asFloat(), after.get(name).data().asFloat(), 0f, name);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(8);
        SDVariable x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 1, 2, 3, 4, 3));
        SDVariable w = sd.var("w", Nd4j.rand(DataType.DOUBLE, 3, 2, 3, 3, 3).subi(0.5));
        SDVariable b = sd.var("b", Nd4j.rand(DataType.DOUBLE, 3));
        SDVariable y = TorchLayoutConv3d.apply(x, w, b, CONFIG);
        GradientCheck.assertGradientsMatch(y.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 1, 3, 3, 4, 3))).sum());
    }
}
