package org.gvsl.model.gvsl;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.blocks.ParameterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelWeightsTest {

    private static SameDiff graphWithTwoWeights() {
        SameDiff sd = GradientCheck.graph();
        ParameterFactory p = new ParameterFactory(sd, DataType.FLOAT, 0);
        p.filled("a.weight", 0, 2, 3);
        p.filled("a.bias", 0, 2);
        return sd;
    }

    @Test
    void npzRoundTripKeepsNamesOrderShapesAndTypes(@TempDir Path dir) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("unet.inc.double_conv.0.weight", Nd4j.rand(DataType.FLOAT, 2, 1, 3, 3, 3));
        arrays.put("scalar", Nd4j.scalar(3.5));
        arrays.put("ints", Nd4j.createFromArray(1, 2, 3));
        Path file = dir.resolve("w.npz");
        ModelWeights.writeNpz(arrays, file);
        assertEquals(arrays, ModelWeights.readNpz(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void assignCopiesValuesAndConvertsPrecision() {
        SameDiff sd = graphWithTwoWeights();
        INDArray w = Nd4j.rand(DataType.DOUBLE, 2, 3);
        ModelWeights.assign(sd, Map.of("a.weight", w, "a.bias", Nd4j.ones(DataType.DOUBLE, 2)), false);
        assertEquals(w.castTo(DataType.FLOAT), sd.getArrForVarName("a.weight"));
    }

    @Test
    void aShapeMismatchNamesTheTensorAndBothShapes() {
        SameDiff sd = graphWithTwoWeights();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelWeights.assign(sd,
                Map.of("a.weight", Nd4j.zeros(3, 2), "a.bias", Nd4j.zeros(2)), false));
        assertTrue(e.getMessage().contains("a.weight") && e.getMessage().contains("[3, 2]")
                && e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void missingAndUnusedWeightsAreListed() {
        SameDiff sd = graphWithTwoWeights();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ModelWeights.assign(sd, Map.of("a.weight", Nd4j.zeros(2, 3)), false));
        assertTrue(missing.getMessage().contains("a.bias"), missing.getMessage());
        Map<String, INDArray> extra = Map.of("a.weight", Nd4j.zeros(2, 3), "a.bias", Nd4j.zeros(2), "b", Nd4j.zeros(1));
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class,
                () -> ModelWeights.assign(sd, extra, false));
        assertTrue(unused.getMessage().contains("[b]"), unused.getMessage());
        ModelWeights.assign(sd, extra, true);
    }

    @Test
    void aFileThatIsNotAnNpzIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.npz");
        Files.writeString(file, "not a zip");
        IOException e = assertThrows(IOException.class, () -> ModelWeights.readNpz(file));
        assertTrue(e.getMessage().contains("broken.npz"), e.getMessage());
    }

    @Test
    void assignPrefixFillsThePrefixedTensorsTrainedOrFrozenAndIgnoresTheRest() {
        SameDiff sd = GradientCheck.graph();
        ParameterFactory p = new ParameterFactory(sd, DataType.FLOAT, 0);
        p.filled("unet.a", 0, 2);
        p.filled("unet.b", 0, 3);
        p.filled("head.w", 7, 2);
        sd.convertToConstants(java.util.List.of(sd.getVariable("unet.b")));
        Map<String, INDArray> weights = Map.of("unet.a", Nd4j.createFromArray(1.0, 2.0),
                "unet.b", Nd4j.createFromArray(3.0, 4.0, 5.0), "fc_rot.weight", Nd4j.zeros(3, 4));
        ModelWeights.assignPrefix(sd, weights, "unet.");
        assertEquals(Nd4j.createFromArray(1f, 2f), sd.getArrForVarName("unet.a"));
        assertEquals(Nd4j.createFromArray(3f, 4f, 5f), sd.getArrForVarName("unet.b"));
        assertEquals(Nd4j.createFromArray(7f, 7f), sd.getArrForVarName("head.w"), "outside the prefix: untouched");
    }

    @Test
    void assignPrefixListsEveryMissingTensorAndEveryShapeMismatchAndChangesNothing() {
        SameDiff sd = GradientCheck.graph();
        ParameterFactory p = new ParameterFactory(sd, DataType.FLOAT, 0);
        p.filled("unet.a", 0, 2);
        p.filled("unet.b", 0, 3);
        p.filled("unet.c", 0, 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ModelWeights.assignPrefix(sd, Map.of("unet.a", Nd4j.ones(2)), "unet."));
        assertTrue(missing.getMessage().contains("2 model tensors: [unet.b, unet.c]"), missing.getMessage());
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class, () -> ModelWeights.assignPrefix(
                sd, Map.of("unet.a", Nd4j.ones(3), "unet.b", Nd4j.ones(2), "unet.c", Nd4j.ones(1)), "unet."));
        assertTrue(shapes.getMessage().contains("'unet.a' has shape [3], the model expects [2]")
                && shapes.getMessage().contains("'unet.b' has shape [2], the model expects [3]"), shapes.getMessage());
        assertEquals(0.0, sd.getArrForVarName("unet.c").getDouble(0), "nothing assigned after an error");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ModelWeights.assignPrefix(sd, Map.of(), "backbone."));
        assertTrue(none.getMessage().contains("backbone.*"), none.getMessage());
    }
}
