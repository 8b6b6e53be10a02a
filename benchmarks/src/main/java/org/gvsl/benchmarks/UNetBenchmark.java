package org.gvsl.benchmarks;

import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * The U-Net ({@link UNet3D}) on a random batch {@code [N, 1, S³]}: {@link #forward()} alone, and
 * {@link #forwardBackward()} with the gradients of every U-Net parameter, the bulk of a training step. The timed loss
 * is {@code Σ f·R + Σ g·R'} over the local features f and the bottleneck g, with fixed random R, R', so both outputs
 * are computed and receive a gradient as in training.
 *
 * <p>How to run: {@code benchmarks/run UNetBenchmark [-p size=64 -p widths=narrow -p batch=2]}; one subject's pass
 * only: {@code benchmarks/run UNetBenchmark 'UNetBenchmark.forward$'}.
 */
public class UNetBenchmark extends KernelBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"paper"})
    public String widths;

    @Param({"2"})
    public int batch;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        UNet3D unet = new UNet3D(new ParameterFactory(sd, DataType.FLOAT, 1), "unet", UNetWidths.parse(widths));
        SDVariable x = sd.constant("x", Nd4j.rand(DataType.FLOAT, s.shape(batch, 1)));
        UNet3D.Features features = unet.forward(x, s);
        SDVariable local = features.local().mul(sd.constant(Nd4j.rand(DataType.FLOAT,
                s.shape(batch, unet.widths().c8())))).sum();
        SDVariable global = features.global().mul(sd.constant(Nd4j.rand(DataType.FLOAT,
                features.globalSize().shape(batch, unet.widths().c4())))).sum();
        SDVariable[] parameters = sd.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE).toArray(SDVariable[]::new);
        run = new GradientRun(local.add(global), parameters);
    }

    /** The forward pass alone; returns the loss (consumed by JMH). */
    @Benchmark
    public double forward() {
        return run.forward();
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(UNetBenchmark.class), args, false);
    }
}
