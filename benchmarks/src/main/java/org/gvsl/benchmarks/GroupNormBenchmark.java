package org.gvsl.benchmarks;

import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * GroupNorm ({@link GroupNorm}, 4 groups of 8 channels) of a full-resolution U-Net activation {@code [4, 32, S³]}
 * (both volumes of a batch of 2), forward and backward with respect to input, γ and β — the block that ND4J's
 * broadcast backward made the most expensive part of a step before it was rewritten.
 *
 * <p>How to run: {@code benchmarks/run GroupNormBenchmark [-p size=64]}.
 */
public class GroupNormBenchmark extends KernelBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        GroupNorm norm = new GroupNorm(new ParameterFactory(sd, DataType.FLOAT, 1), "gn", 4, 32);
        SDVariable x = sd.var("x", Nd4j.rand(DataType.FLOAT, s.shape(4, 32)));
        SDVariable y = norm.forward(x, s);
        SDVariable loss = y.mul(sd.constant(Nd4j.rand(DataType.FLOAT, s.shape(4, 32)))).sum();
        run = new GradientRun(loss, x, sd.getVariable("gn.weight"), sd.getVariable("gn.bias"));
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(GroupNormBenchmark.class), args, false);
    }
}
