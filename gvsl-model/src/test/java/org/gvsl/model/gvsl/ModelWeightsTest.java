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
}
