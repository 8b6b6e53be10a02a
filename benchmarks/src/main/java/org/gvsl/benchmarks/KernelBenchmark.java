package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The shared shape of the kernel benchmarks: a subclass builds one {@link GradientRun} in its {@code @Setup}; the
 * benchmark times its forward and backward pass (the training step needs both; a subclass may add a forward-only
 * benchmark with {@link GradientRun#forward()}), and the native arrays of each pass are released after it (as the
 * training loop does), so memory stays flat over the iterations. Every pass reads a value back, so on CUDA the
 * asynchronous work is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1) // the fork inherits the heap and native-memory limits benchmarks/run sets for this machine
public abstract class KernelBenchmark {

    /** The pass to time; set by the subclass's {@code @Setup}. */
    protected GradientRun run;

    @TearDown(Level.Invocation)
    public void release() {
        NativeMemory.releaseAfterStep();
    }

    /** Forward and backward; returns a gradient element (consumed by JMH). */
    @Benchmark
    public double forwardBackward() {
        return run.forwardBackward();
    }
}
