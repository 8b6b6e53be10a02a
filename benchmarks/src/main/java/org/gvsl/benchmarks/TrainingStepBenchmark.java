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

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One whole GVSL pre-training step ({@link GvslGraph#fit}: both U-Net passes, heads, two warps, NCC, smoothness,
 * restoration, Adam) on a batch of 1 or 2 random pairs of {@code S³}, at the narrow or the paper's widths. The step
 * reads back an element of an updated parameter, so on CUDA the Adam update is inside the timed region.
 * {@link TrainingStepMemory} measures the same step with its memory over many steps.
 *
 * <p>How to run: {@code benchmarks/run TrainingStepBenchmark [-p widths=paper -p size=32 -p batch=2]}. The paper's
 * widths need about 17 GB at 64³, batch 2 (README, "Speed and memory"); 96³ and 128³ are for a GPU.
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

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"1", "2"})
    public int batch;

    private GvslGraph graph;
    private Map<String, INDArray> inputs;
    private String parameter;

    @Setup(Level.Trial)
    public void setUp() {
        UNetWidths w = UNetWidths.parse(widths);
        graph = GvslGraphFactory.build(GvslConfig.builder().optWidths(w).build(), batch, SpatialSize.cube(size));
        Nd4j.getRandom().setSeed(1);
        INDArray fixed = Nd4j.rand(DataType.FLOAT, batch, 1, size, size, size);
        inputs = graph.inputs(fixed, Nd4j.rand(DataType.FLOAT, batch, 1, size, size, size), fixed);
        parameter = graph.parameterNames().get(0);
    }

    @TearDown(Level.Invocation)
    public void release() {
        NativeMemory.releaseAfterStep();
    }

    /** One step; returns its loss plus an element of an updated parameter (consumed by JMH). */
    @Benchmark
    public double step() {
        double loss = graph.fit(inputs).get(GvslGraph.LOSS_TOTAL);
        return loss + graph.sameDiff().getArrForVarName(parameter).getDouble(0);
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(TrainingStepBenchmark.class), args, false);
    }
}
