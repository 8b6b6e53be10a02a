package org.gvsl.benchmarks;

import org.gvsl.model.losses.Smoothness;
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
 * Smoothness loss ({@link Smoothness}, l2 forward differences along D, H, W) of a random deformable field
 * {@code u [2, 3, S³]} of ±3 voxels, forward and backward with respect to the field.
 *
 * <p>How to run: {@code benchmarks/run SmoothnessBenchmark [-p size=64]}.
 */
public class SmoothnessBenchmark extends KernelBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        SDVariable field = sd.var("u", Nd4j.rand(DataType.FLOAT, s.shape(2, 3)).muli(6).subi(3));
        run = new GradientRun(Smoothness.loss(field, 2, s), field);
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(SmoothnessBenchmark.class), args, false);
    }
}
