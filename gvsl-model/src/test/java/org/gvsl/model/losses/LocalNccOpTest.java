package org.gvsl.model.losses;

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

/** The host op against the NCC map composed of native ops: the same map and gradients. */
class LocalNccOpTest {

    /** The cc map and the gradients of {@code Σ cc · weights} for I and J, by the host op or composed. */
    private static INDArray[] run(boolean hostOp, int window, INDArray i, INDArray j, INDArray weights) {
        SameDiff sd = GradientCheck.graph();
        SDVariable vi = sd.var("I", i.dup());
        SDVariable vj = sd.var("J", j.dup());
        SDVariable cc = hostOp ? new LocalNccOp(sd, vi, vj, window).outputVariable()
                : new LocalNcc(window).composedMap(vi, vj);
        sd.setLossVariables(cc.mul(sd.constant(weights)).sum().name());
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "I", "J");
        return new INDArray[] {sd.output(Map.of(), cc.name()).get(cc.name()), g.get("I"), g.get("J")};
    }

    /**
     * Windows of 3, 5 and 9 voxels on volumes of 4 to 11 voxels a side: the window sums run past both ends of every
     * axis, and at w = 9 on the 5-voxel axis a window spans the whole axis.
     */
    @ParameterizedTest
    @CsvSource({"2, 3, 5, 6, 7, DOUBLE, 1e-12", "1, 5, 4, 9, 11, DOUBLE, 1e-12", "2, 9, 5, 10, 12, DOUBLE, 1e-12",
            "2, 9, 8, 8, 8, FLOAT, 2e-4"})
    void matchesTheComposedMapInValueAndBothGradients(int n, int window, int d, int h, int w, DataType type,
                                                      double tolerance) {
        Nd4j.getRandom().setSeed(17);
        SpatialSize size = new SpatialSize(d, h, w);
        INDArray i = Nd4j.rand(DataType.DOUBLE, size.shape(n, 1)).castTo(type);
        INDArray j = Nd4j.rand(DataType.DOUBLE, size.shape(n, 1)).addi(i).castTo(type);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, size.shape(n, 1)).castTo(type);
        INDArray[] host = run(true, window, i, j, weights);
        INDArray[] composed = run(false, window, i, j, weights);
        String[] what = {"cc map", "gradient of I", "gradient of J"};
        for (int k = 0; k < 3; k++) {
            double scale = Math.max(1, composed[k].amaxNumber().doubleValue());
            assertArrayEquals(composed[k].data().asDouble(), host[k].data().asDouble(), tolerance * scale, what[k]);
        }
        assertTrue(host[1].norm2Number().doubleValue() > 1e-3, "the gradient of I is not all zero");
    }

    @Test
    void gradientsMatchFiniteDifferencesAcrossSamples() {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(3);
        SDVariable i = sd.var("I", Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 5, 6));
        SDVariable j = sd.var("J", Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 5, 6));
        SDVariable cc = new LocalNccOp(sd, i, j, 5).outputVariable();
        GradientCheck.assertGradientsMatch(cc.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 5, 6))).sum());
    }

    @Test
    void theLossUsesTheHostOpAndASavedGraphComputesTheSameAfterLoading(@TempDir Path dir) throws Exception {
        SameDiff sd = GradientCheck.graph();
        Nd4j.getRandom().setSeed(5);
        SpatialSize size = new SpatialSize(6, 6, 6);
        SDVariable i = sd.var("I", Nd4j.rand(DataType.FLOAT, size.shape(1, 1)));
        SDVariable j = sd.var("J", Nd4j.rand(DataType.FLOAT, size.shape(1, 1)));
        SDVariable loss = new LocalNcc(3).loss(i, j, 1, size);
        assertTrue(sd.getOps().values().stream().anyMatch(op -> op.getOp().opName().equals("gvsl_local_ncc")),
                "the loss is built on the host op");
        Path file = dir.resolve("ncc.fb");
        sd.save(file.toFile(), false);
        SameDiff loaded = GraphRuntime.load(file, false);
        assertEquals(sd.output(Map.of(), loss.name()).get(loss.name()).getFloat(0),
                loaded.output(Map.of(), loss.name()).get(loss.name()).getFloat(0), 0f);
    }
}
