package org.gvsl.model.warp;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;

import java.util.Arrays;

/**
 * The trilinear warp of {@link TrilinearWarp} as loops over host memory: the forward pass and both gradients, in
 * double arithmetic whatever the arrays' type.
 *
 * <p>Shapes: image {@code [N, C, D, H, W]}, field {@code [N, 3, D, H, W]} (displacements in voxels along D, H, W),
 * output and its gradient {@code [N, C, D, H, W]}. Voxel {@code p} samples {@code q = p + Φ(p)}: its 8 cell corners
 * {@code k} with weights {@code w_k(q) = Π_axes (1 − f or f)}, a corner outside the volume weighing 0; so
 * <pre>
 *   out[n, c, p]       = Σ_k w_k · image[n, c, k]
 *   ∂L/∂image[n, c, k] = Σ_{p whose cell has corner k} w_k(q_p) · g[n, c, p]
 *   ∂L/∂Φ_a[n, p]      = Σ_c g[n, c, p] · Σ_k (∂w_k/∂q_a) · image[n, c, k]
 * </pre>
 * with {@code ∂(1 − f)/∂q = −1}, {@code ∂f/∂q = 1} (the floor cell's forward difference at an integer
 * coordinate). A voxel whose position is not finite outputs NaN in every channel, gets a NaN field gradient and
 * adds nothing to the image gradient.
 *
 * <p>Threads: the forward pass and the field gradient split each sample's voxels into parts; the image gradient,
 * whose writes of different voxels meet, splits samples into blocks of channels, so no two threads write one
 * element. With at least as many samples as threads, one pass per sample computes both gradients.
 */
final class TrilinearWarpKernel {

    /** Voxels located at once: their cells (about 300 kB with slopes) stay in the core's cache for all channels. */
    private static final int CHUNK = 1024;

    private final int batch;
    private final int channels;
    private final int depth;
    private final int height;
    private final int width;
    private final int volume;

    /**
     * @throws IllegalArgumentException when the field is not {@code [N, 3, D, H, W]} of the image's N and size
     *                                  (both shapes are in the message)
     */
    TrilinearWarpKernel(long[] imageShape, long[] fieldShape) {
        if (imageShape.length != 5 || fieldShape.length != 5 || fieldShape[0] != imageShape[0] || fieldShape[1] != 3
                || fieldShape[2] != imageShape[2] || fieldShape[3] != imageShape[3]
                || fieldShape[4] != imageShape[4]) {
            throw new IllegalArgumentException("the warp needs an image [N, C, D, H, W] and a field [N, 3, D, H, W], "
                    + "got " + Arrays.toString(imageShape) + " and " + Arrays.toString(fieldShape));
        }
        batch = (int) imageShape[0];
        channels = (int) imageShape[1];
        depth = (int) imageShape[2];
        height = (int) imageShape[3];
        width = (int) imageShape[4];
        volume = depth * height * width;
    }

    /** {@code out = warp(image, field)}. */
    void forward(HostBuffer image, HostBuffer field, HostBuffer out) {
        int parts = partsPerSample();
        HostOp.parallel(batch * parts, task -> {
            int n = task / parts;
            int part = task % parts;
            Cells cells = new Cells(false);
            for (int first = start(part, parts); first < start(part + 1, parts); first += CHUNK) {
                cells.locate(field, n, first, Math.min(CHUNK, start(part + 1, parts) - first));
                for (int c = 0; c < channels; c++) {
                    int plane = (n * channels + c) * volume;
                    for (int i = 0; i < cells.size; i++) {
                        out.set(plane + first + i, cells.sample(i, image, plane));
                    }
                }
            }
        });
    }

    /** The gradients of the loss with respect to image and field, given {@code gradOut} = ∂L/∂out. */
    void backward(HostBuffer image, HostBuffer field, HostBuffer gradOut, HostBuffer gradImage,
                  HostBuffer gradField) {
        int blocks = Math.max(1, Math.min(channels, (HostOp.threads() + batch - 1) / batch));
        if (blocks == 1) {
            // As many samples as threads: one task per sample computes both gradients in one pass.
            HostOp.parallel(batch, n -> backward(n, 0, 1, true, 0, channels, image, field, gradOut, gradImage,
                    gradField));
            return;
        }
        int parts = partsPerSample();
        HostOp.parallel(batch * parts, task -> backward(task / parts, task % parts, parts, true, 0, 0, image, field,
                gradOut, gradImage, gradField));
        HostOp.parallel(batch * blocks, task -> {
            int block = task % blocks;
            backward(task / blocks, 0, 1, false, block * channels / blocks, (block + 1) * channels / blocks,
                    image, field, gradOut, gradImage, gradField);
        });
    }

    /**
     * One backward task on sample {@code n}: over part {@code part} of {@code parts} of its voxels, the field
     * gradient (when {@code fieldGradient}) and the image gradient of channels {@code from} … {@code to}−1, whose
     * planes it zeroes first (so only with all the voxels: a voxel's corners may lie anywhere).
     */
    private void backward(int n, int part, int parts, boolean fieldGradient, int from, int to, HostBuffer image,
                          HostBuffer field, HostBuffer gradOut, HostBuffer gradImage, HostBuffer gradField) {
        for (int i = (n * channels + from) * volume, end = (n * channels + to) * volume; i < end; i++) {
            gradImage.set(i, 0.0);
        }
        Cells cells = new Cells(fieldGradient);
        double[] slopes = new double[3 * CHUNK];
        int fieldPlane = n * 3 * volume;
        for (int first = start(part, parts); first < start(part + 1, parts); first += CHUNK) {
            cells.locate(field, n, first, Math.min(CHUNK, start(part + 1, parts) - first));
            if (fieldGradient) {
                Arrays.fill(slopes, 0.0);
                for (int c = 0; c < channels; c++) {
                    int plane = (n * channels + c) * volume;
                    for (int i = 0; i < cells.size; i++) {
                        cells.addSlopes(i, image, plane, gradOut.get(plane + first + i), slopes);
                    }
                }
                for (int i = 0; i < cells.size; i++) {
                    for (int axis = 0; axis < 3; axis++) {
                        gradField.set(fieldPlane + axis * volume + first + i,
                                cells.finite[i] ? slopes[3 * i + axis] : Double.NaN);
                    }
                }
            }
            for (int c = from; c < to; c++) {
                int plane = (n * channels + c) * volume;
                for (int i = 0; i < cells.size; i++) {
                    cells.spread(i, gradImage, plane, gradOut.get(plane + first + i));
                }
            }
        }
    }

    /** Parts of a sample's voxels for the voxel-parallel passes: a few per thread, to balance. */
    private int partsPerSample() {
        return Math.max(1, Math.min((volume + CHUNK - 1) / CHUNK, (4 * HostOp.threads() + batch - 1) / batch));
    }

    /** The first voxel of part {@code part} of {@code parts}. */
    private int start(int part, int parts) {
        return (int) ((long) part * volume / parts);
    }

    /**
     * The cells of a run of up to {@link #CHUNK} consecutive voxels of one sample: per voxel its 8 corners' indices in
     * the volume, their weights and (for the field gradient) their slopes. Located once, then used for every
     * channel, so each channel's plane is read in one sweep over the run (all channels per voxel would step
     * through C planes a power of two apart at once, which the caches do badly).
     */
    private final class Cells {
        /** Corner k = 4a + 2b + c (a, b, c: upper side along D, H, W) of voxel i at 8i + k; −1 outside. */
        private final int[] index = new int[8 * CHUNK];
        private final double[] weight = new double[8 * CHUNK];
        /** ∂weight/∂q along D, H, W of corner k of voxel i at 24i + 3k + axis; null without the field gradient. */
        private final double[] slope;
        private final boolean[] finite = new boolean[CHUNK];
        /** Per axis (D, H, W) and side (lower, upper) at 2·axis + side: position (−1 outside), weight, slope. */
        private final int[] position = new int[6];
        private final double[] axisWeight = new double[6];
        private final double[] axisSlope = new double[6];
        private int size;

        Cells(boolean slopes) {
            slope = slopes ? new double[24 * CHUNK] : null;
        }

        /** Locates voxels {@code first} … {@code first + count − 1} of sample {@code n}. */
        void locate(HostBuffer field, int n, int first, int count) {
            size = count;
            int fieldD = n * 3 * volume;
            int d = first / (height * width);
            int h = first / width % height;
            int w = first % width;
            for (int i = 0, m = first; i < count; i++, m++) {
                finite[i] = locate(i, d + field.get(fieldD + m), h + field.get(fieldD + volume + m),
                        w + field.get(fieldD + 2 * volume + m));
                if (++w == width) {
                    w = 0;
                    if (++h == height) {
                        h = 0;
                        d++;
                    }
                }
            }
        }

        /** Locates voxel i at position {@code (qd, qh, qw)}; false (no corners) when a coordinate is not finite. */
        private boolean locate(int i, double qd, double qh, double qw) {
            boolean finite = Double.isFinite(qd) && Double.isFinite(qh) && Double.isFinite(qw);
            if (!finite) {
                Arrays.fill(index, 8 * i, 8 * i + 8, -1);
                return false;
            }
            axis(0, qd, depth);
            axis(2, qh, height);
            axis(4, qw, width);
            int k = 8 * i;
            for (int a = 0; a < 2; a++) {
                for (int b = 2; b < 4; b++) {
                    int ph = position[a] < 0 || position[b] < 0 ? -1 : position[a] * height + position[b];
                    for (int c = 4; c < 6; c++, k++) {
                        index[k] = ph < 0 || position[c] < 0 ? -1 : ph * width + position[c];
                        weight[k] = axisWeight[a] * axisWeight[b] * axisWeight[c];
                        if (slope != null) {
                            slope[3 * k] = axisSlope[a] * axisWeight[b] * axisWeight[c];
                            slope[3 * k + 1] = axisWeight[a] * axisSlope[b] * axisWeight[c];
                            slope[3 * k + 2] = axisWeight[a] * axisWeight[b] * axisSlope[c];
                        }
                    }
                }
            }
            return true;
        }

        private void axis(int at, double q, int extent) {
            double lower = Math.floor(q);
            double f = q - lower;
            boolean lowerIn = lower >= 0 && lower <= extent - 1;
            boolean upperIn = lower >= -1 && lower <= extent - 2;
            position[at] = lowerIn ? (int) lower : -1;
            axisWeight[at] = lowerIn ? 1 - f : 0.0;
            axisSlope[at] = lowerIn ? -1.0 : 0.0;
            position[at + 1] = upperIn ? (int) lower + 1 : -1;
            axisWeight[at + 1] = upperIn ? f : 0.0;
            axisSlope[at + 1] = upperIn ? 1.0 : 0.0;
        }

        /** Σ_k w_k · values[plane + k] for voxel i, NaN where its position is not finite. */
        double sample(int i, HostBuffer values, int plane) {
            if (!finite[i]) {
                return Double.NaN;
            }
            double sum = 0;
            for (int k = 8 * i; k < 8 * i + 8; k++) {
                if (index[k] >= 0) {
                    sum += weight[k] * values.get(plane + index[k]);
                }
            }
            return sum;
        }

        /** slopes[3i + axis] += g · Σ_k (∂w_k/∂q_axis) · values[plane + k] for voxel i. */
        void addSlopes(int i, HostBuffer values, int plane, double g, double[] slopes) {
            double d = 0;
            double h = 0;
            double w = 0;
            for (int k = 8 * i; k < 8 * i + 8; k++) {
                if (index[k] >= 0) {
                    double v = values.get(plane + index[k]);
                    d += slope[3 * k] * v;
                    h += slope[3 * k + 1] * v;
                    w += slope[3 * k + 2] * v;
                }
            }
            slopes[3 * i] += g * d;
            slopes[3 * i + 1] += g * h;
            slopes[3 * i + 2] += g * w;
        }

        /** values[plane + k] += w_k · g for the corners of voxel i. */
        void spread(int i, HostBuffer values, int plane, double g) {
            for (int k = 8 * i; k < 8 * i + 8; k++) {
                if (index[k] >= 0) {
                    values.add(plane + index[k], weight[k] * g);
                }
            }
        }
    }
}
