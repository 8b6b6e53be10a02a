package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.losses.LocalNcc;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Local NCC loss ({@link LocalNcc}, window 9, separable box sums) of two {@code [2, 1, S³]} images, forward and
 * backward with respect to both.
 *
 * <p>How to run: {@code benchmarks/run LocalNccBenchmark [-p size=64]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=14G"})
public class LocalNccBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"9"})
    public int window;

    private GradientRun run;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        SDVariable i = sd.var("I", Nd4j.rand(DataType.FLOAT, s.shape(2, 1)));
        SDVariable j = sd.var("J", Nd4j.rand(DataType.FLOAT, s.shape(2, 1)));
        run = new GradientRun(new LocalNcc(window).loss(i, j, 2, s), i, j);
    }

    @TearDown(Level.Invocation)
    public void release() {
        NativeMemory.releaseAfterStep();
    }

    @Benchmark
    public double forwardBackward() {
        return run.run();
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(LocalNccBenchmark.class.getSimpleName()).build()).run();
    }
}
