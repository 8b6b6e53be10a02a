package org.gvsl.benchmarks;

import org.gvsl.model.losses.LocalNcc;
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
 * Local NCC loss ({@link LocalNcc}, window 9, separable box sums) of two {@code [2, 1, S³]} images, forward and
 * backward with respect to both.
 *
 * <p>How to run: {@code benchmarks/run LocalNccBenchmark [-p size=64]}.
 */
public class LocalNccBenchmark extends KernelBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"9"})
    public int window;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        SDVariable i = sd.var("I", Nd4j.rand(DataType.FLOAT, s.shape(2, 1)));
        SDVariable j = sd.var("J", Nd4j.rand(DataType.FLOAT, s.shape(2, 1)));
        run = new GradientRun(new LocalNcc(window).loss(i, j, 2, s), i, j);
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(LocalNccBenchmark.class), args, false);
    }
}
