package org.gvsl.model.warp;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host op against the warp composed of native ops: the same output and gradients. */
class TrilinearWarpOpTest {

    private static final SpatialSize SIZE = new SpatialSize(5, 6, 7);

    /** Output, image gradient and field gradient of {@code Σ out · weights}, by the host op or composed. */
    private static INDArray[] run(boolean hostOp, INDArray image, INDArray field, INDArray weights) {
        SameDiff sd = GradientCheck.graph();
        int n = (int) image.size(0);
        int c = (int) image.size(1);
        SDVariable im = sd.var("image", image.dup());
        SDVariable f = sd.var("field", field.dup());
        SDVariable out = hostOp ? new TrilinearWarpOp(sd, im, f).outputVariable()
                : TrilinearWarp.composed(im, f, n, c, SIZE);
        SDVariable loss = out.mul(sd.constant(weights)).sum();
        sd.setLossVariables(loss.name());
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "image", "field");
        INDArray value = sd.output(Map.of(), out.name()).get(out.name());
        return new INDArray[] {value, g.get("image"), g.get("field")};
    }

    /**
     * N = 2 samples on 2 threads take the one-pass backward, N = 1 the two passes with channel blocks; displacements
     * of up to ±4 voxels send many corners outside the 5×6×7 volume.
     */
    @ParameterizedTest
    @CsvSource({"2, 3, DOUBLE, 1e-12", "1, 5, DOUBLE, 1e-12", "2, 1, FLOAT, 2e-5"})
    void matchesTheComposedWarpInValueAndBothGradients(int n, int c, DataType type, double tolerance) {
        Nd4j.getRandom().setSeed(11);
        INDArray image = Nd4j.rand(DataType.DOUBLE, SIZE.shape(n, c)).castTo(type);
        INDArray field = Nd4j.rand(DataType.DOUBLE, SIZE.shape(n, 3)).muli(8).subi(4).castTo(type);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, SIZE.shape(n, c)).castTo(type);
        INDArray[] host = run(true, image, field, weights);
        INDArray[] composed = run(false, image, field, weights);
        String[] what = {"output", "image gradient", "field gradient"};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(composed[i].data().asDouble(), host[i].data().asDouble(), tolerance, what[i]);
        }
        assertTrue(host[1].sumNumber().doubleValue() > 0, "the image gradient is not all zero");
    }

    @Test
    void gradientsMatchFiniteDifferencesAcrossSamples() {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(3);
        SDVariable image = sd.var("image", Nd4j.rand(DataType.DOUBLE, 2, 2, 3, 4, 3));
        SDVariable field = sd.var("field", Nd4j.rand(DataType.DOUBLE, 2, 3, 3, 4, 3).muli(3).subi(1.5));
        SDVariable out = new TrilinearWarpOp(sd, image, field).outputVariable();
        GradientCheck.assertGradientsMatch(out.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 2, 3, 4, 3))).sum());
    }

    @Test
    void aNonFinitePositionGivesANaNFieldGradientThereAndLeavesTheImageGradientFinite() {
        INDArray image = Nd4j.rand(DataType.DOUBLE, SIZE.shape(1, 2));
        INDArray field = Nd4j.zeros(DataType.DOUBLE, SIZE.shape(1, 3));
        field.putScalar(new long[] {0, 1, 2, 3, 4}, Double.POSITIVE_INFINITY);
        INDArray[] r = run(true, image, field, Nd4j.ones(DataType.DOUBLE, SIZE.shape(1, 2)));
        for (int axis = 0; axis < 3; axis++) {
            assertTrue(Double.isNaN(r[2].getDouble(0, axis, 2, 3, 4)));
        }
        assertTrue(Double.isNaN(r[0].getDouble(0, 1, 2, 3, 4)));
        // a zero field elsewhere: each other voxel sends its weight 1 to itself, the infinite one sends nothing
        assertEquals(0.0, r[1].getDouble(0, 0, 2, 3, 4), 0.0);
        assertEquals(2 * (SIZE.voxels() - 1), r[1].sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void aSavedGraphWarpsTheSameAfterLoading(@TempDir Path dir) throws Exception {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(5);
        SDVariable image = sd.var("image", Nd4j.rand(DataType.FLOAT, SIZE.shape(1, 2)));
        SDVariable field = sd.var("field", Nd4j.rand(DataType.FLOAT, SIZE.shape(1, 3)).muli(2));
        SDVariable out = TrilinearWarp.warp(image, field, 1, 2, SIZE);
        assertEquals("gvsl_trilinear_warp", sd.getVariableOutputOp(out.name()).opName());
        Path file = dir.resolve("warp.fb");
        sd.save(file.toFile(), false);
        SameDiff loaded = GraphRuntime.load(file, false);
        assertArrayEquals(sd.output(Map.of(), out.name()).get(out.name()).data().asFloat(),
                loaded.output(Map.of(), out.name()).get(out.name()).data().asFloat(), 0f);
    }
}
