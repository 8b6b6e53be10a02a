package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DifferentiableGatherTest {

    /**
     * ND4J's scatter_add splits the indices among threads unless told to lock; with duplicates the threads then
     * race on one row and drop updates. 20 000 updates of one row make such a race near certain.
     */
    private static final int DUPLICATES = 20_000;
    private static final double[] GRADIENT_OF_ONE_ROW_GATHERED_MANY_TIMES =
            {DUPLICATES, DUPLICATES, DUPLICATES, DUPLICATES, 0, 0, 0, 0};

    private static SDVariable loss(SameDiff sd) {
        SDVariable params = sd.var("params", Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        SDVariable rows = DifferentiableGather.rows(params, sd.constant(Nd4j.createFromArray(0, 0, 2)));
        return rows.mul(sd.constant(Nd4j.createFromArray(new double[][] {{1, 10}, {2, 20}, {3, 30}}))).sum();
    }

    @Test
    void gathersRowsAndAccumulatesDuplicateIndicesInTheGradient() {
        SameDiff sd = GradientCheck.graph();
        SDVariable l = loss(sd);
        sd.setLossVariables(l.name());
        assertEquals(1 + 20 + 2 + 40 + 15 + 180, Graphs.eval(l).getDouble(0), 0.0);
        double[] grad = sd.calculateGradients(Map.of(), "params").get("params").data().asDouble();
        assertArrayEquals(new double[] {3, 30, 0, 0, 3, 30}, grad, 0.0);
    }

    @Test
    void theGradientKeepsNeitherParamsNorItsZerosThroughTheForwardPass() {
        SameDiff sd = GradientCheck.graph();
        sd.setLossVariables(loss(sd).name());
        GraphRuntime.createGradientFunction(sd);
        SameDiff grad = sd.getFunction("grad");
        // params is read only by the gather and by shape_of (which runs as soon as params exists) …
        List<String> readers = grad.getVariables().get("params").getInputsForOp().stream()
                .map(op -> grad.getOps().get(op).getOp().opName()).sorted().toList();
        assertEquals(List.of("gather", "shape_of"), readers);
        // … and the zeros are filled only once the incoming gradient exists
        List<SameDiffOp> fills = grad.getOps().values().stream().filter(op -> op.getOp().opName().equals("fill"))
                .toList();
        assertEquals(1, fills.size());
        assertEquals(1, fills.get(0).getControlDeps().size(), String.valueOf(fills.get(0).getControlDeps()));
    }

    @Test
    void manyDuplicateIndicesAllReachTheGradient() {
        SameDiff sd = GradientCheck.graph();
        sd.setLossVariables(oneRowGatheredManyTimes(sd).name());
        assertArrayEquals(GRADIENT_OF_ONE_ROW_GATHERED_MANY_TIMES, gradientOfParams(sd), 0.0);
    }

    @Test
    void theGradientSurvivesSavingAndLoadingTheGraph(@TempDir Path dir) throws Exception {
        SameDiff sd = GradientCheck.graph();
        sd.setLossVariables(oneRowGatheredManyTimes(sd).name());
        Path file = dir.resolve("g.fb");
        sd.save(file.toFile(), false);
        assertArrayEquals(GRADIENT_OF_ONE_ROW_GATHERED_MANY_TIMES, gradientOfParams(GraphRuntime.load(file, false)), 0.0);
    }

    private static SDVariable oneRowGatheredManyTimes(SameDiff sd) {
        SDVariable params = sd.var("params", Nd4j.zeros(DataType.DOUBLE, 2, 4));
        return DifferentiableGather.rows(params, sd.constant(Nd4j.zeros(DataType.INT32, DUPLICATES))).sum();
    }

    private static double[] gradientOfParams(SameDiff sd) {
        return sd.calculateGradients(Map.of(), "params").get("params").data().asDouble();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        SDVariable params = sd.var("params", Nd4j.rand(DataType.DOUBLE, 5, 3));
        SDVariable rows = DifferentiableGather.rows(params, sd.constant(Nd4j.createFromArray(4, 1, 1, 0, 4, 2)));
        GradientCheck.assertGradientsMatch(rows.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 6, 3))).sum());
    }
}
