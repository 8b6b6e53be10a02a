package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.GraphScope;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupNormTest {

    private static final SpatialSize SIZE = new SpatialSize(3, 4, 5);

    @Test
    void eachSampleAndGroupHasZeroMeanAndUnitVarianceAtInitialisation() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 8, 3, 4, 5).muli(7).addi(3);
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 0), "gn", 2, 8);
        INDArray y = Graphs.eval(norm.forward(sd.constant(x), SIZE));
        for (int n = 0; n < 2; n++) {
            for (int g = 0; g < 2; g++) {
                INDArray group = y.get(NDArrayIndex.point(n), NDArrayIndex.interval(4 * g, 4 * g + 4)).dup();
                double mean = group.meanNumber().doubleValue();
                double variance = group.sub(mean).muli(group.sub(mean)).meanNumber().doubleValue();
                assertEquals(0.0, mean, 1e-12);
                // (x−μ)/√(σ²+ε) has variance σ²/(σ²+ε)
                INDArray xs = x.get(NDArrayIndex.point(n), NDArrayIndex.interval(4 * g, 4 * g + 4)).dup();
                double sigma2 = xs.varNumber().doubleValue() * (xs.length() - 1) / xs.length();
                assertEquals(sigma2 / (sigma2 + GroupNorm.EPSILON), variance, 1e-12);
            }
        }
    }

    @Test
    void oneChannelPerGroupNormalisesEachChannelOfEachSample() {
        SameDiff sd = GradientCheck.graph();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5).muli(5).addi(2);
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 0), "gn", 4, 4);
        INDArray y = Graphs.eval(norm.forward(sd.constant(x), SIZE));
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 4; c++) {
                INDArray xs = x.get(NDArrayIndex.point(n), NDArrayIndex.point(c)).dup();
                double mean = xs.meanNumber().doubleValue();
                double sigma2 = xs.varNumber().doubleValue() * (xs.length() - 1) / xs.length();
                INDArray expected = xs.sub(mean).divi(Math.sqrt(sigma2 + GroupNorm.EPSILON));
                assertEquals(0.0, expected.sub(y.get(NDArrayIndex.point(n), NDArrayIndex.point(c))).amaxNumber()
                        .doubleValue(), 1e-12, "sample " + n + ", channel " + c);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 3), "gn", 2, 4);
        sd.getVariable("gn.weight").setArray(Nd4j.rand(DataType.DOUBLE, 4).addi(0.5));
        var x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5));
        var y = norm.forward(x, SIZE);
        GradientCheck.assertGradientsMatch(y.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5))).sum());
    }

    @Test
    void theHostOpsBackwardPassKeepsNoFullSizeArrayOfItsOwn() {
        assertEquals(List.of(), fullSizeArraysKept(true));
    }

    @Test
    void theComposedBackwardPassKeepsOneFullSizeArrayOfTheNorm() {
        assertEquals(1, fullSizeArraysKept(false).size());
    }

    /** Variables inside a norm of [2, 4, 3, 4, 5] that its backward pass reads and so keeps, of the full size. */
    private static List<String> fullSizeArraysKept(boolean hostOp) {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 3), "gn", 2, 4);
        var x = sd.var("x", Nd4j.rand(DataType.FLOAT, 2, 4, 3, 4, 5));
        var y = hostOp ? norm.forward(x, SIZE) : GraphScope.in(sd, "group_norm", () -> norm.composed(x, SIZE));
        assertEquals(hostOp ? "gvsl_group_norm" : "reshape", sd.getVariableOutputOp(y.name()).opName());
        var loss = y.mul(sd.constant(Nd4j.rand(DataType.FLOAT, 2, 4, 3, 4, 5))).sum();
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        SameDiff grad = sd.getFunction("grad");
        Set<String> forward = sd.getOps().keySet();
        // variables inside the norm that an op of the backward pass reads, and so keeps until it runs (shape_of
        // runs as soon as its input exists; y itself is kept by the backward pass of its consumer)
        Set<String> read = new TreeSet<>();
        for (SameDiffOp op : grad.getOps().values()) {
            if (!forward.contains(op.getName()) && op.getInputsToOp() != null
                    && !op.getOp().opName().equals("shape_of")) {
                op.getInputsToOp().stream().filter(sd::hasVariable).filter(n -> n.startsWith("group_norm/"))
                        .filter(n -> !n.equals(y.name())).forEach(read::add);
            }
        }
        if (read.isEmpty()) {
            return List.of();
        }
        Map<String, INDArray> values = sd.output(Map.of(), List.copyOf(read));
        return read.stream().filter(n -> values.get(n).length() == 2 * 4 * 3 * 4 * 5).toList();
    }

    @Test
    void theHostOpMatchesTheComposedNormInValueAndAllGradients() {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 8, 3, 4, 5).muli(6).subi(2);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, 8).addi(0.5);
        INDArray beta = Nd4j.rand(DataType.FLOAT, 8);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 3, 8, 3, 4, 5);
        Map<String, INDArray> host = normAndGradients(true, x, gamma, beta, weights);
        Map<String, INDArray> composed = normAndGradients(false, x, gamma, beta, weights);
        for (String name : List.of("y", "x", "gn.weight", "gn.bias")) {
            double scale = composed.get(name).amaxNumber().doubleValue();
            assertEquals(0.0, host.get(name).sub(composed.get(name)).amaxNumber().doubleValue(), 2e-6 * scale, name);
        }
    }

    private static Map<String, INDArray> normAndGradients(boolean hostOp, INDArray x, INDArray gamma, INDArray beta,
                                                          INDArray weights) {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 0), "gn", 2, 8);
        sd.getVariable("gn.weight").setArray(gamma.dup());
        sd.getVariable("gn.bias").setArray(beta.dup());
        var input = sd.var("x", x.dup());
        var y = hostOp ? norm.forward(input, SIZE) : norm.composed(input, SIZE);
        sd.setLossVariables(y.mul(sd.constant(weights)).sum().name());
        Map<String, INDArray> out = new HashMap<>(sd.calculateGradients(Map.of(), "x", "gn.weight",
                "gn.bias"));
        out.put("y", sd.output(Map.of(), y.name()).get(y.name()));
        return out;
    }

    @Test
    void theFusedRectifierMatchesTheNormFollowedByLeakyReluInValueAndAllGradients() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 8, 3, 4, 5).muli(6).subi(2);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 2, 8, 3, 4, 5);
        Map<String, INDArray> fused = rectifiedAndGradients(true, x, weights);
        Map<String, INDArray> separate = rectifiedAndGradients(false, x, weights);
        for (String name : List.of("a", "x", "gn.weight", "gn.bias")) {
            assertEquals(0.0, fused.get(name).sub(separate.get(name)).amaxNumber().doubleValue(), 1e-12, name);
        }
        assertTrue(fused.get("a").minNumber().doubleValue() < 0, "some outputs pass the negative slope");
    }

    private static Map<String, INDArray> rectifiedAndGradients(boolean fused, INDArray x, INDArray weights) {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 0), "gn", 2, 8);
        sd.getVariable("gn.weight").setArray(Nd4j.linspace(0.5, 2.0, 8, DataType.DOUBLE));
        sd.getVariable("gn.bias").setArray(Nd4j.linspace(-0.3, 0.4, 8, DataType.DOUBLE));
        var input = sd.var("x", x.dup());
        var a = fused ? norm.forwardLeakyRelu(input, SIZE, 0.2) : LeakyRelu.apply(norm.forward(input, SIZE), 0.2);
        sd.setLossVariables(a.mul(sd.constant(weights)).sum().name());
        Map<String, INDArray> out = new HashMap<>(sd.calculateGradients(Map.of(), "x", "gn.weight", "gn.bias"));
        out.put("a", sd.output(Map.of(), a.name()).get(a.name()));
        return out;
    }

    @Test
    void fusedGradientsMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 3), "gn", 2, 4);
        sd.getVariable("gn.weight").setArray(Nd4j.rand(DataType.DOUBLE, 4).addi(0.5));
        sd.getVariable("gn.bias").setArray(Nd4j.rand(DataType.DOUBLE, 4).subi(0.5));
        var x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5));
        var a = norm.forwardLeakyRelu(x, SIZE, 0.2);
        GradientCheck.assertGradientsMatch(a.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5))).sum());
    }

    @Test
    void theNormsOutputIsTheGraphsOnlyUnreadOutput() {
        // SameDiff guesses a graph's loss (DL4J's SameDiffLayer relies on it) only when one output is left unread
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 0), "gn", 2, 4);
        var a = norm.forwardLeakyRelu(sd.var("x", Nd4j.rand(DataType.FLOAT, 1, 4, 3, 4, 5)), SIZE, 0.2);
        GraphRuntime.createGradientFunction(sd);
        assertEquals(List.of(a.name()), sd.getLossVariables());
    }

    @Test
    void groupsMustDivideTheChannels() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 0), "gn", 3, 8));
        assertTrue(e.getMessage().contains("groups=3") && e.getMessage().contains("channels=8"), e.getMessage());
    }

    @Test
    void referenceGroupCountIsOnePerEightChannels() {
        assertEquals(1, GroupNorm.groupsFor(4));
        assertEquals(4, GroupNorm.groupsFor(32));
        assertEquals(64, GroupNorm.groupsFor(512));
    }
}
