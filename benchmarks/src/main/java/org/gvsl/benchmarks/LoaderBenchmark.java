package org.gvsl.benchmarks;

import org.gvsl.data.loader.GvslPairSampler;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.data.loader.VolumeSource;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.volume.VolumeShape;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pre-training pairs per second that the {@link PrefetchingLoader} delivers with the full GVSL augmentation
 * (random crop, affine + elastic spatial augmentation of both volumes, appearance transform of x_A) at a crop of
 * {@code size³}, with 1 or 2 worker threads. One operation is one batch of one pair, taken from a loader that keeps
 * preparing in the background, so the score is the loader's steady-state throughput in pairs/s.
 *
 * <p>The volumes are 4 synthetic CT-like cases of {@code (size + 32)³} voxels ({@link SyntheticAnatomy}, seed 1),
 * normalised with {@link CtIntensity#hounsfield()} and held in memory, so file reading is not timed (the sampler
 * caches decoded volumes in training too).
 *
 * <p>How to run: {@code benchmarks/run LoaderBenchmark [-p size=64]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1) // the fork inherits the heap and native-memory limits benchmarks/run sets for this machine
public class LoaderBenchmark {

    @Param({"32", "64", "96", "128"})
    public int size;

    @Param({"1", "2"})
    public int workers;

    private PrefetchingLoader<PairBatch> loader;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticAnatomy generator = SyntheticAnatomy.builder().optShape(VolumeShape.cube(size + 32)).optSeed(1).build();
        List<VolumeSource> sources = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sources.add(VolumeSource.of("synthetic-" + i, CtIntensity.hounsfield().apply(generator.generate(i).image())));
        }
        GvslPairSampler sampler = GvslPairSampler.builder().setSources(sources).setCropShape(VolumeShape.cube(size)).build();
        loader = PrefetchingLoader.builder(sampler).setBatchSize(1).setSeed(1).optWorkers(workers).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loader.close();
    }

    /** One pair; returns a voxel of it so the work is not dead code. */
    @Benchmark
    public float pair() {
        try (PairBatch batch = loader.next()) {
            return batch.fixed().getFloat(0L);
        }
    }

    /** Runs this benchmark; JMH command-line options (e.g. {@code -p size=64}) are passed through. */
    public static void main(String[] args) {
        BenchmarkSuite.main(List.of(LoaderBenchmark.class), args, false);
    }
}
