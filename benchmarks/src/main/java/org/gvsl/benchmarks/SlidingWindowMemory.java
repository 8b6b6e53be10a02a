package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.inference.SlidingWindowInference;
import org.gvsl.model.inference.WindowPredictor;
import org.gvsl.model.inference.WindowWeighting;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * A benchmark command: runs {@link SlidingWindowInference} over one random volume with a trivial predictor (each
 * window repeated K times along the channel axis) and prints the windows, the estimated memory of the accumulators
 * and one batch ({@link SlidingWindowInference#memoryBytes}), and the process's resident memory after each batch
 * and at its peak. It is how the streaming claim (a 256³ volume on a 24 GB machine) was checked; run it under
 * {@code /work/tools/memcap} or {@code /usr/bin/time -v} for the peak of the whole process.
 *
 * <p>Usage: {@code benchmarks/run SlidingWindowMemory [--size 256] [--window 128] [--overlap 0.5] [--classes 8]
 * [--batch 1] [--weighting constant|gaussian]}.
 */
public final class SlidingWindowMemory {

    private SlidingWindowMemory() {
    }

    public static void main(String[] args) {
        int size = 256;
        int window = 128;
        double overlap = 0.5;
        int classes = 8;
        int batch = 1;
        WindowWeighting weighting = WindowWeighting.CONSTANT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--overlap" -> overlap = Double.parseDouble(args[++i]);
                case "--classes" -> classes = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--weighting" -> weighting = WindowWeighting.valueOf(args[++i].toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --size S "
                        + "--window W --overlap O --classes K --batch B --weighting constant|gaussian");
            }
        }
        System.out.println(NativeBackend.describe());
        SpatialSize volumeSize = SpatialSize.cube(size);
        SlidingWindowInference sw = SlidingWindowInference.builder().setWindow(SpatialSize.cube(window))
                .optOverlap(overlap).optWeighting(weighting).optBatchSize(batch)
                .optProgress(done -> System.out.printf(Locale.ROOT, "  %3d windows  rss %6.0f MB%n", done,
                        NativeMemory.residentBytes() / 1e6)).build();
        int windows = sw.windowStarts(volumeSize).size();
        System.out.printf(Locale.ROOT, "%s over %d³, %d classes: %d windows; accumulators + one batch ≈ %.0f MB%n",
                sw, size, classes, windows, sw.memoryBytes(volumeSize, 1, classes) / 1e6);
        Nd4j.getRandom().setSeed(1);
        INDArray volume = Nd4j.rand(DataType.FLOAT, 1, size, size, size);
        System.out.printf(Locale.ROOT, "volume allocated: rss %.0f MB%n", NativeMemory.residentBytes() / 1e6);
        int k = classes;
        WindowPredictor trivial = w -> {
            INDArray p = w.repeat(1, k);
            NativeMemory.releaseAfterStep();
            return p;
        };
        SlidingWindowInference.Prediction prediction = sw.run(volume, trivial);
        int[] labels = prediction.labels();
        System.out.printf(Locale.ROOT, "done: probabilities %s, %d labels; rss %.0f MB, peak rss %.0f MB%n",
                java.util.Arrays.toString(prediction.probabilities().shape()), labels.length,
                NativeMemory.residentBytes() / 1e6, NativeMemory.peakResidentBytes() / 1e6);
    }
}
