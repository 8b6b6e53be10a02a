package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
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
 * GroupNorm ({@link GroupNorm}, 4 groups of 8 channels) of a full-resolution U-Net activation {@code [4, 32, S³]}
 * (both volumes of a batch of 2), forward and backward with respect to input, γ and β — the block that ND4J's
 * broadcast backward made the most expensive part of a step before it was rewritten.
 *
 * <p>How to run: {@code benchmarks/run GroupNormBenchmark [-p size=64]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=14G"})
public class GroupNormBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    private GradientRun run;

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
                .include(GroupNormBenchmark.class.getSimpleName()).build()).run();
    }
}
