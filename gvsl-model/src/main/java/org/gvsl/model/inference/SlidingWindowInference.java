package org.gvsl.model.inference;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Sliding-window inference: a model that takes windows of a fixed size applied to a whole volume, the overlapping
 * predictions averaged voxel by voxel (spec §7; the reference's "128³ windows, stride 64, summed probabilities,
 * argmax").
 *
 * <p><b>Where the windows go.</b> Along an axis of volume size S, window size w and stride t, the volume is
 * zero-padded at the end to {@code S' = max(S, w)} (a volume smaller than the window is padded, as the reference
 * does) and the windows start at {@code 0, t, 2t, …} while they fit in S', plus one window aligned to the end,
 * {@code S' − w}, if the last regular one does not reach it. For w = 128, t = 64, S = 200 that is 0, 64, 72. These
 * are the reference's positions; the reference additionally sums its end-aligned window twice when
 * {@code S' − w} is a multiple of t, and skips one window in one block of its loops: we count every distinct window
 * once. Windows are taken in C order of their start (D slowest, W fastest) and predicted {@code batchSize} at a
 * time; the padding is cut away again, so the output has the input's size.
 *
 * <p><b>What is averaged.</b> For class k and voxel v, {@code out[k, v] = Σ_windows ω(v − start)·p_win[k, v − start]
 * / Σ_windows ω(v − start)} with the {@link WindowWeighting} ω (all ones, or a Gaussian). With constant weights
 * and overlap 0.5 the argmax equals the reference's argmax of the summed softmax outputs (dividing a voxel's sums by
 * its positive window count does not change which class is largest), except where the reference's double-counted
 * window tips a tie-like vote.
 *
 * <p><b>Stride from overlap:</b> {@code t = max(1, floor(w·(1 − overlap)))} per axis (MONAI's rule); default overlap
 * 0.5. The stride must not exceed the window, or voxels would be left out.
 *
 * <p><b>Memory</b> (streaming: the volume is never copied, and only one batch of windows exists at a time; each
 * batch's windows and scores are closed as soon as they are added in):
 * <pre>
 *   4·(K + 1)·D·H·W            the accumulators (float probabilities [K, D, H, W], returned, and the weight sums)
 *   + 4·B·(C + K)·wD·wH·wW     one batch of windows in and the predictor's output (weighted in place)
 *   + 4·K·wD·wH·wW             the Gaussian weights repeated per class
 *   + what the predictor itself needs for one batch (for a U-Net, its activations)
 * </pre>
 * plus the input volume, which the caller holds, and {@link Prediction#labels()}' argmax (8 bytes a voxel while it
 * runs, then an {@code int[]}). For a 256³ volume, K = 8, 128³ windows, B = 1: 604 MB of accumulators and 76 MB
 * per window batch. Measured ({@code benchmarks/run SlidingWindowMemory}, a trivial predictor, 27 windows): peak
 * resident memory of the whole JVM 1.21 GB (B = 1, constant weights) and 1.30 GB (B = 2, Gaussian), flat from the
 * first window to the last. {@link #memoryBytes} computes the terms above that this class allocates.
 */
public final class SlidingWindowInference {

    private final SpatialSize window;
    private final SpatialSize stride;
    private final WindowWeighting weighting;
    private final int batchSize;
    private final IntConsumer progress;

    private SlidingWindowInference(Builder b, SpatialSize stride) {
        this.window = b.window;
        this.stride = stride;
        this.weighting = b.weighting;
        this.batchSize = b.batchSize;
        this.progress = b.progress;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The result of one volume.
     *
     * @param probabilities the averaged scores {@code [K, D, H, W]} float32 (for softmax outputs, probabilities)
     */
    public record Prediction(INDArray probabilities) {

        /** The argmax label map, C order over {@code [D, H, W]} ({@link Argmax#labels}). */
        public int[] labels() {
            return Argmax.labels(probabilities);
        }
    }

    /**
     * Runs the predictor over a volume.
     *
     * @param volume    {@code [C, D, H, W]} or {@code [1, C, D, H, W]}, any floating type (the windows have the
     *                  volume's type)
     * @param predictor {@code [B, C, wD, wH, wW] → [B, K, wD, wH, wW]}
     * @throws IllegalArgumentException naming the shapes if the volume is not of rank 4 or 5, or the predictor's
     *                                  output does not match the windows
     */
    public Prediction run(INDArray volume, WindowPredictor predictor) {
        INDArray v = channelsFirst(volume);
        int channels = Math.toIntExact(v.size(0));
        SpatialSize size = new SpatialSize(Math.toIntExact(v.size(1)), Math.toIntExact(v.size(2)),
                Math.toIntExact(v.size(3)));
        List<int[]> starts = windowStarts(size);
        INDArray weights = weighting == WindowWeighting.CONSTANT ? null : weighting.weights(window);
        INDArray weightSum = Nd4j.zeros(DataType.FLOAT, size.d(), size.h(), size.w());
        INDArray classWeights = null;   // the weights repeated for each class, [K, wD, wH, wW]
        INDArray sums = null;
        int done = 0;
        for (int first = 0; first < starts.size(); first += batchSize) {
            List<int[]> batch = starts.subList(first, Math.min(first + batchSize, starts.size()));
            INDArray windows = Nd4j.zeros(v.dataType(), batch.size(), channels, window.d(), window.h(), window.w());
            for (int i = 0; i < batch.size(); i++) {
                int[] extent = extent(batch.get(i), size);
                windows.get(inWindow(NDArrayIndex.point(i), extent)).assign(v.get(inVolume(batch.get(i), extent)));
            }
            INDArray out = predictor.predict(windows);
            int classes = requireOutput(out, batch.size());
            if (sums == null) {
                sums = Nd4j.zeros(DataType.FLOAT, classes, size.d(), size.h(), size.w());
            } else if (sums.size(0) != classes) {
                throw new IllegalArgumentException("the predictor returned " + classes + " classes for window batch "
                        + (first / batchSize) + ", " + sums.size(0) + " before");
            }
            INDArray scores = out.castTo(DataType.FLOAT);
            if (weights != null) {
                if (classWeights == null) {
                    classWeights = weights.reshape(1, window.d(), window.h(), window.w()).repeat(0, classes);
                }
                for (int i = 0; i < batch.size(); i++) {
                    scores.get(NDArrayIndex.point(i)).muli(classWeights);
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                int[] start = batch.get(i);
                int[] extent = extent(start, size);
                INDArrayIndex[] region = inVolume(start, extent);
                INDArray target = sums.get(region);
                INDArray targetWeights = weightSum.get(region[1], region[2], region[3]);
                INDArray source = scores.get(inWindow(NDArrayIndex.point(i), extent));
                target.addi(source);
                if (weights == null) {
                    targetWeights.addi(1.0);
                } else {
                    targetWeights.addi(weights.get(NDArrayIndex.interval(0, extent[0]),
                            NDArrayIndex.interval(0, extent[1]), NDArrayIndex.interval(0, extent[2])));
                }
            }
            release(windows, out, scores);
            done += batch.size();
            if (progress != null) {
                progress.accept(done);
            }
        }
        INDArray perClass = weightSum.reshape(1, size.d(), size.h(), size.w());
        for (int k = 0; k < sums.size(0); k++) {
            sums.get(NDArrayIndex.interval(k, k + 1)).divi(perClass);
        }
        return new Prediction(sums);
    }

    /** The start {@code (d, h, w)} of every window over a volume of {@code size}, in the order they are predicted. */
    public List<int[]> windowStarts(SpatialSize size) {
        int[] d = starts(size.d(), window.d(), stride.d());
        int[] h = starts(size.h(), window.h(), stride.h());
        int[] w = starts(size.w(), window.w(), stride.w());
        List<int[]> all = new ArrayList<>(d.length * h.length * w.length);
        for (int a : d) {
            for (int b : h) {
                for (int c : w) {
                    all.add(new int[] {a, b, c});
                }
            }
        }
        return all;
    }

    /**
     * The window starts along one axis, as the class comment describes.
     *
     * @param size   the volume's size S along the axis
     * @param window w
     * @param stride t, 1 ≤ t ≤ w
     */
    public static int[] starts(int size, int window, int stride) {
        if (size < 1 || window < 1 || stride < 1 || stride > window) {
            throw new IllegalArgumentException("need size ≥ 1, window ≥ 1 and 1 ≤ stride ≤ window, got size " + size
                    + ", window " + window + ", stride " + stride);
        }
        int padded = Math.max(size, window);
        List<Integer> s = new ArrayList<>();
        for (int start = 0; start + window <= padded; start += stride) {
            s.add(start);
        }
        if (s.get(s.size() - 1) + window < padded) {
            s.add(padded - window);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The bytes of the accumulators and of one batch of windows for a volume (the first two terms of the class
     * comment's estimate; the predictor's own working memory is not included).
     */
    public long memoryBytes(SpatialSize size, int channels, int classes) {
        long accumulators = 4L * (classes + 1) * size.voxels();
        long batch = 4L * batchSize * (channels + (long) classes) * window.voxels();
        long classWeights = weighting == WindowWeighting.CONSTANT ? 0 : 4L * classes * window.voxels();
        return accumulators + batch + classWeights;
    }

    /** The window size. */
    public SpatialSize window() {
        return window;
    }

    /** The stride between windows. */
    public SpatialSize stride() {
        return stride;
    }

    @Override
    public String toString() {
        return "SlidingWindowInference[window " + window + ", stride " + stride + ", " + weighting + ", batch "
                + batchSize + "]";
    }

    /**
     * Frees a finished batch's arrays at once (each distinct one once; the predictor may return its input), so
     * that memory stays at one batch whether or not the garbage collector runs.
     */
    private static void release(INDArray... arrays) {
        List<INDArray> closed = new ArrayList<>();
        for (INDArray a : arrays) {
            if (closed.stream().noneMatch(c -> c == a) && a.closeable()) {
                a.close();
                closed.add(a);
            }
        }
    }

    /** The part of a window that lies inside the volume (the rest is padding), per axis. */
    private int[] extent(int[] start, SpatialSize size) {
        return new int[] {Math.min(window.d(), size.d() - start[0]), Math.min(window.h(), size.h() - start[1]),
                Math.min(window.w(), size.w() - start[2])};
    }

    private static INDArrayIndex[] inWindow(INDArrayIndex batch, int[] extent) {
        return new INDArrayIndex[] {batch, NDArrayIndex.all(), NDArrayIndex.interval(0, extent[0]),
                NDArrayIndex.interval(0, extent[1]), NDArrayIndex.interval(0, extent[2])};
    }

    private static INDArrayIndex[] inVolume(int[] start, int[] extent) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(start[0], start[0] + extent[0]),
                NDArrayIndex.interval(start[1], start[1] + extent[1]),
                NDArrayIndex.interval(start[2], start[2] + extent[2])};
    }

    private static INDArray channelsFirst(INDArray volume) {
        long[] s = volume.shape();
        if (s.length == 5 && s[0] == 1) {
            return volume.reshape(s[1], s[2], s[3], s[4]);
        }
        if (s.length != 4) {
            throw new IllegalArgumentException("sliding-window inference needs a volume [C, D, H, W] or "
                    + "[1, C, D, H, W], got " + Arrays.toString(s));
        }
        return volume;
    }

    private int requireOutput(INDArray out, int windows) {
        long[] s = out.shape();
        boolean ok = s.length == 5 && s[0] == windows && s[1] >= 1 && s[2] == window.d() && s[3] == window.h()
                && s[4] == window.w();
        if (!ok) {
            throw new IllegalArgumentException("the predictor must return [" + windows + ", K, " + window.d() + ", "
                    + window.h() + ", " + window.w() + "] for " + windows + " windows, got " + Arrays.toString(s));
        }
        return Math.toIntExact(s[1]);
    }

    /** Options of a {@link SlidingWindowInference}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private SpatialSize window;
        private Double overlap;
        private SpatialSize stride;
        private WindowWeighting weighting = WindowWeighting.CONSTANT;
        private int batchSize = 1;
        private IntConsumer progress;

        private Builder() {
        }

        /** The window size (required): the spatial size the predictor takes. */
        public Builder setWindow(SpatialSize window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** The fraction of a window shared with the next one, in [0, 1) (default 0.5); or give a stride. */
        public Builder optOverlap(double overlap) {
            if (!(overlap >= 0 && overlap < 1)) {
                throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
            }
            this.overlap = overlap;
            return this;
        }

        /** The stride between window starts per axis, each in [1, window] (instead of an overlap). */
        public Builder optStride(SpatialSize stride) {
            this.stride = Objects.requireNonNull(stride, "stride");
            return this;
        }

        /** How window voxels are weighted (default {@link WindowWeighting#CONSTANT}, the reference's). */
        public Builder optWeighting(WindowWeighting weighting) {
            this.weighting = Objects.requireNonNull(weighting, "weighting");
            return this;
        }

        /** Windows per predictor call, ≥ 1 (default 1, the reference's). */
        public Builder optBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("window batch size must be ≥ 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Called after each batch with the number of windows predicted so far (default none). */
        public Builder optProgress(IntConsumer windowsDone) {
            this.progress = windowsDone;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalStateException    without a window, or with both an overlap and a stride
         * @throws IllegalArgumentException naming a stride outside [1, window]
         */
        public SlidingWindowInference build() {
            if (window == null) {
                throw new IllegalStateException("SlidingWindowInference needs setWindow(...)");
            }
            if (overlap != null && stride != null) {
                throw new IllegalStateException("give either an overlap or a stride, not both (overlap " + overlap
                        + ", stride " + stride + ")");
            }
            SpatialSize t = stride;
            if (t == null) {
                double o = overlap == null ? 0.5 : overlap;
                t = new SpatialSize(strideOf(window.d(), o), strideOf(window.h(), o), strideOf(window.w(), o));
            }
            for (int a = 0; a < 3; a++) {
                if (t.axis(a) > window.axis(a)) {
                    throw new IllegalArgumentException("stride " + t + " must not exceed the window " + window
                            + " on any axis (voxels would be left out)");
                }
            }
            return new SlidingWindowInference(this, t);
        }

        private static int strideOf(int window, double overlap) {
            return Math.max(1, (int) Math.floor(window * (1 - overlap)));
        }
    }
}
