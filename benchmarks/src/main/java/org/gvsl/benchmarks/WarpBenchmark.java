package org.gvsl.benchmarks;

import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.warp.TrilinearWarp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * Trilinear warp ({@link TrilinearWarp}) of a {@code [2, C, S³]} volume by a random field of ±3 voxels, forward and
 * backward with respect to image and field: C = 1 is the warp of the moving image, C = 32 the warp of the moving
 * image's features by the affine field (whose image gradient needs a scatter).
 *
 * <p>How to run: {@code benchmarks/run WarpBenchmark [-p size=64 -p channels=32]}.
 */
public class WarpBenchmark extends KernelBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"1", "32"})
    public int channels;

    @Setup(Level.Trial)
    public void setUp() {
        SameDiff sd = GradientRun.newGraph();
        Nd4j.getRandom().setSeed(1);
        SpatialSize s = SpatialSize.cube(size);
        SDVariable image = sd.var("image", Nd4j.rand(DataType.FLOAT, s.shape(2, channels)));
        SDVariable field = sd.var("field", Nd4j.rand(DataType.FLOAT, s.shape(2, 3)).muli(6).subi(3));
        SDVariable out = TrilinearWarp.warp(image, field, 2, channels, s);
        SDVariable loss = out.mul(sd.constant(Nd4j.rand(DataType.FLOAT, s.shape(2, channels)))).sum();
        run = new GradientRun(loss, field, image);
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(WarpBenchmark.class), args, false);
    }
}
