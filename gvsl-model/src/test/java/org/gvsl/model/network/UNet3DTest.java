package org.gvsl.model.network;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UNet3DTest {

    private static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);

    @Test
    void anyInputSizeIsPaddedForTheEncoderAndCroppedBack() {
        SameDiff sd = GradientCheck.graph();
        UNet3D unet = new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 0), "unet", TINY);
        SpatialSize size = new SpatialSize(17, 5, 13);
        UNet3D.Features f = unet.forward(sd.constant(Nd4j.rand(DataType.FLOAT, 2, 1, 17, 5, 13)), size);
        assertEquals(new SpatialSize(2, 1, 1), f.globalSize());
        assertArrayEquals(new long[] {2, 8, 2, 1, 1}, Graphs.eval(f.global()).shape());
        assertArrayEquals(new long[] {2, 4, 17, 5, 13}, Graphs.eval(f.local()).shape());
    }

    @Test
    void paddedSizeRoundsEachAxisUpToSixteen() {
        assertEquals(new SpatialSize(32, 16, 16), UNet3D.paddedSize(new SpatialSize(17, 16, 1)));
    }

    @Test
    void paperWidthsHaveTheReferenceParameterCount() {
        SameDiff sd = GradientCheck.graph();
        new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 0), "unet", UNetWidths.PAPER);
        long count = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
        assertEquals(23_538_144L, count);
    }

    @Test
    void theEncoderAloneHasTheEncodersParametersAndComputesTheSameGlobalFeatures() {
        SameDiff full = GradientCheck.graph();
        UNet3D unet = new UNet3D(new ParameterFactory(full, DataType.DOUBLE, 4), "unet", TINY);
        SameDiff enc = GradientCheck.graph();
        UNet3D encoder = UNet3D.encoderOnly(new ParameterFactory(enc, DataType.DOUBLE, 4), "unet", TINY);
        assertFalse(encoder.hasDecoder());
        List<String> encoderNames = parameterNames(enc);
        List<String> expected = parameterNames(full).stream().filter(n -> !n.startsWith("unet.up")).toList();
        assertEquals(expected, encoderNames);
        assertEquals(40, encoderNames.size(), "inc and down1..4: 5 double convolutions of 8 tensors");
        for (String name : encoderNames) {
            assertEquals(full.getArrForVarName(name), enc.getArrForVarName(name), name);
        }
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 9, 16, 5);
        SpatialSize size = new SpatialSize(9, 16, 5);
        UNet3D.Encoded g = encoder.encode(enc.constant(x), size);
        assertEquals(new SpatialSize(1, 1, 1), g.globalSize());
        assertEquals(Graphs.eval(unet.forward(full.constant(x), size).global()), Graphs.eval(g.global()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.forward(enc.constant(x), size));
        assertTrue(e.getMessage().contains("encoder-only"), e.getMessage());
    }

    private static List<String> parameterNames(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    @Test
    void widthsAreReadOffTheWeightsShapes() {
        UNetWidths widths = new UNetWidths(4, 4, 8, 8, 16, 8, 8, 4, 2);
        Map<String, INDArray> weights = weightsOf(widths);
        assertEquals(widths, UNet3D.widthsOf(weights, "unet"));

        weights.remove("unet.up3.conv.double_conv.0.weight");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UNet3D.widthsOf(weights, "unet"));
        assertTrue(e.getMessage().contains("no unet.up3.conv.double_conv.0.weight"), e.getMessage());
    }

    /** The weights of a seeded U-Net, by name. */
    private static Map<String, INDArray> weightsOf(UNetWidths widths) {
        SameDiff sd = GradientCheck.graph();
        new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 0), "unet", widths);
        Map<String, INDArray> weights = new HashMap<>();
        sd.variables().forEach(v -> weights.put(v.name(), v.getArr()));
        return weights;
    }
}
