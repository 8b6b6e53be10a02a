package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One whole GVSL pre-training step ({@link GvslGraph#fit}: both U-Net passes, heads, two warps, NCC, smoothness,
 * restoration, Adam) on a batch of 2 random pairs of {@code S³}, at the narrow or the paper's widths.
 * {@link TrainingStepMemory} measures the same step with its memory over many steps.
 *
 * <p>How to run: {@code benchmarks/run TrainingStepBenchmark [-p widths=paper -p size=32]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1) // the fork inherits the heap and native-memory limits benchmarks/run sets for this machine
public class TrainingStepBenchmark {

    @Param({"narrow", "paper"})
    public String widths;

    @Param({"32", "64"})
    public int size;

    private GvslGraph graph;
    private Map<String, INDArray> inputs;

    @Setup(Level.Trial)
    public void setUp() {
        UNetWidths w = UNetWidths.parse(widths);
        graph = GvslGraphFactory.build(GvslConfig.builder().optWidths(w).build(), 2, SpatialSize.cube(size));
        Nd4j.getRandom().setSeed(1);
        INDArray fixed = Nd4j.rand(DataType.FLOAT, 2, 1, size, size, size);
        inputs = graph.inputs(fixed, Nd4j.rand(DataType.FLOAT, 2, 1, size, size, size), fixed);
    }

    @TearDown(Level.Invocation)
    public void release() {
        NativeMemory.releaseAfterStep();
    }

    @Benchmark
    public double step() {
        return graph.fit(inputs).get(GvslGraph.LOSS_TOTAL);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(TrainingStepBenchmark.class.getSimpleName()).build()).run();
    }
}
