package org.gvsl.model.losses;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;

import java.util.Arrays;

/**
 * The voxel map of local normalised cross-correlation and its gradient, as Java loops over host memory: the
 * computation of {@link LocalNccOp} and {@link LocalNccGradOp}. Shapes {@code [N, 1, D, H, W]}; the window sums
 * and all arithmetic are in double for float and double arrays alike.
 *
 * <p>Forward, per sample: the five maps I, J, I², J², IJ are box-summed over the zero-padded {@code w³} window
 * (three running sums along W, H and D, each in place), then {@code cc = cross² / (varI·varJ + ε)} per voxel
 * ({@link LocalNcc} states the terms). Backward, with {@code g = ∂L/∂cc}: per voxel the five coefficients
 * {@code a_X = g·∂cc/∂ΣX}; the box sum is its own adjoint (the window is symmetric and zero-padded), so the same
 * three passes give {@code A_X = Σ a_X}, and
 * <pre>
 *   ∂L/∂I = A_I + 2·I·A_II + J·A_IJ,   ∂L/∂J = A_J + 2·J·A_JJ + I·A_IJ
 * </pre>
 * The backward pass recomputes the window sums from I and J, so the op keeps nothing of its forward pass. Scratch:
 * five double maps of one sample (84 MB at 128³).
 */
final class LocalNccKernel {

    /** The maps summed over the window, in this order: I, J, I², J², IJ. */
    private static final int MAPS = 5;
    /** Inner elements a box-sum task runs along together: long enough to vectorise, short enough for the cache. */
    private static final int CHUNK = 2048;
    /** Voxels per task of the voxel-wise loops. */
    private static final int VOXEL_BLOCK = 16384;

    private final int samples;
    private final int depth;
    private final int height;
    private final int width;
    private final int voxels;
    private final int radius;
    private final double count;

    /** @param shape {@code [N, 1, D, H, W]} of both images; @param window the odd window side w */
    LocalNccKernel(long[] shape, int window) {
        if (shape.length != 5 || shape[1] != 1) {
            throw new IllegalArgumentException("local NCC takes images [N, 1, D, H, W], got "
                    + Arrays.toString(shape));
        }
        this.samples = (int) shape[0];
        this.depth = (int) shape[2];
        this.height = (int) shape[3];
        this.width = (int) shape[4];
        this.voxels = depth * height * width;
        this.radius = window / 2;
        this.count = (double) window * window * window;
    }

    /** Writes the per-voxel cc of images i and j into cc. */
    void forward(HostBuffer i, HostBuffer j, HostBuffer cc) {
        double[][] s = new double[MAPS][voxels];
        for (int b = 0; b < samples; b++) {
            int base = b * voxels;
            windowSums(i, j, base, s);
            inBlocks((from, to) -> {
                for (int v = from; v < to; v++) {
                    double cross = s[4][v] - s[0][v] * s[1][v] / count;
                    double varI = s[2][v] - s[0][v] * s[0][v] / count;
                    double varJ = s[3][v] - s[1][v] * s[1][v] / count;
                    cc.set(base + v, cross * cross / (varI * varJ + LocalNcc.EPSILON));
                }
            });
        }
    }

    /** Writes ∂L/∂I and ∂L/∂J into gradI and gradJ, given g = ∂L/∂cc. */
    void backward(HostBuffer i, HostBuffer j, HostBuffer g, HostBuffer gradI, HostBuffer gradJ) {
        double[][] s = new double[MAPS][voxels];
        for (int b = 0; b < samples; b++) {
            int base = b * voxels;
            windowSums(i, j, base, s);
            inBlocks((from, to) -> {
                for (int v = from; v < to; v++) {
                    double si = s[0][v];
                    double sj = s[1][v];
                    double cross = s[4][v] - si * sj / count;
                    double varI = s[2][v] - si * si / count;
                    double varJ = s[3][v] - sj * sj / count;
                    double den = varI * varJ + LocalNcc.EPSILON;
                    double gv = g.get(base + v);
                    double dCross = gv * 2 * cross / den;
                    double dVarI = -gv * cross * cross * varJ / (den * den);
                    double dVarJ = -gv * cross * cross * varI / (den * den);
                    s[0][v] = -(dCross * sj + 2 * dVarI * si) / count;
                    s[1][v] = -(dCross * si + 2 * dVarJ * sj) / count;
                    s[2][v] = dVarI;
                    s[3][v] = dVarJ;
                    s[4][v] = dCross;
                }
            });
            boxSum(s);
            inBlocks((from, to) -> {
                for (int v = from; v < to; v++) {
                    double a = i.get(base + v);
                    double c = j.get(base + v);
                    gradI.set(base + v, s[0][v] + 2 * a * s[2][v] + c * s[4][v]);
                    gradJ.set(base + v, s[1][v] + 2 * c * s[3][v] + a * s[4][v]);
                }
            });
        }
    }

    /** Fills maps with the window sums of I, J, I², J² and IJ of the sample starting at element base. */
    private void windowSums(HostBuffer i, HostBuffer j, int base, double[][] maps) {
        inBlocks((from, to) -> {
            for (int v = from; v < to; v++) {
                double a = i.get(base + v);
                double c = j.get(base + v);
                maps[0][v] = a;
                maps[1][v] = c;
                maps[2][v] = a * a;
                maps[3][v] = c * c;
                maps[4][v] = a * c;
            }
        });
        boxSum(maps);
    }

    /** Replaces each map by its zero-padded window sums: running sums along W, then H, then D. */
    private void boxSum(double[][] maps) {
        alongAxis(maps, depth * height, width, 1);
        alongAxis(maps, depth, height, width);
        alongAxis(maps, 1, depth, height * width);
    }

    /**
     * One in-place running-sum pass along an axis of length {@code length}, the map seen as {@code [outer, length,
     * inner]}. At step k the window loses element k−r−1, which step k−r−1 overwrote, so each task keeps the
     * original values of its last r+1 elements in a ring.
     */
    private void alongAxis(double[][] maps, int outer, int length, int inner) {
        int chunk = Math.min(inner, CHUNK);
        int chunks = (inner + chunk - 1) / chunk;
        int units = MAPS * outer * chunks;
        int tasks = Math.min(units, 8 * HostOp.threads());
        int ringSize = radius + 1;
        HostOp.parallel(tasks, task -> {
            double[] run = new double[chunk];
            double[] ring = new double[ringSize * chunk];
            for (int unit = (int) ((long) units * task / tasks); unit < (long) units * (task + 1) / tasks; unit++) {
                double[] map = maps[unit / (outer * chunks)];
                int o = unit / chunks % outer;
                int s0 = unit % chunks * chunk;
                int len = Math.min(chunk, inner - s0);
                int start = o * length * inner + s0;
                Arrays.fill(run, 0, len, 0);
                for (int m = 0; m <= Math.min(radius, length - 1); m++) {
                    int at = start + m * inner;
                    for (int s = 0; s < len; s++) {
                        run[s] += map[at + s];
                    }
                }
                for (int k = 0; k < length; k++) {
                    int at = start + k * inner;
                    int slot = k % ringSize * chunk;
                    for (int s = 0; s < len; s++) {
                        ring[slot + s] = map[at + s];
                        map[at + s] = run[s];
                    }
                    if (k + radius + 1 < length) {
                        int in = start + (k + radius + 1) * inner;
                        for (int s = 0; s < len; s++) {
                            run[s] += map[in + s];
                        }
                    }
                    if (k - radius >= 0) {
                        int out = (k - radius) % ringSize * chunk;
                        for (int s = 0; s < len; s++) {
                            run[s] -= ring[out + s];
                        }
                    }
                }
            }
        });
    }

    /** A run of voxels {@code [from, to)} of one sample. */
    private interface VoxelRange {
        void run(int from, int to);
    }

    /** Runs body over all voxels of one sample, in blocks on the host op threads. */
    private void inBlocks(VoxelRange body) {
        int blocks = (voxels + VOXEL_BLOCK - 1) / VOXEL_BLOCK;
        HostOp.parallel(blocks, block -> body.run(block * VOXEL_BLOCK, Math.min(voxels, (block + 1) * VOXEL_BLOCK)));
    }
}
