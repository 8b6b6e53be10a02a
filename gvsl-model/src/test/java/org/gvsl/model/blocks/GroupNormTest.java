package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.DOUBLE, 3), "gn", 2, 4);
        sd.getVariable("gn.weight").setArray(Nd4j.rand(DataType.DOUBLE, 4).addi(0.5));
        var x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5));
        var y = norm.forward(x, SIZE);
        GradientCheck.assertGradientsMatch(y.mul(sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5))).sum());
    }

    @Test
    void theBackwardPassKeepsOneFullSizeArrayOfTheNorm() {
        SameDiff sd = GradientCheck.graph();
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 3), "gn", 2, 4);
        var x = sd.var("x", Nd4j.rand(DataType.FLOAT, 2, 4, 3, 4, 5));
        var y = norm.forward(x, SIZE);
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
        Map<String, INDArray> values = sd.output(Map.of(), List.copyOf(read));
        List<String> kept = read.stream().filter(n -> values.get(n).length() == 2 * 4 * 3 * 4 * 5).toList();
        assertEquals(1, kept.size(), kept.toString());
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
