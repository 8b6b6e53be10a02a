package org.gvsl.model.warp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Warps a label map by a displacement field with nearest-neighbour sampling, so labels stay labels (atlas-based
 * segmentation: the atlas's labels warped onto the fixed image).
 *
 * <p><b>Coordinate rules</b> as {@link TrilinearWarp}: the field holds displacements in voxels with channels
 * (D, H, W), a backward map: output voxel {@code p} takes the label at {@code q = p + Φ(p)},
 * <pre>  out[n, c, p] = labels[n, c, r(q)],   r(q) = ⌊q + ½⌋ per axis (round half up: 2.5 → 3, −0.5 → 0)</pre>
 * and 0 (background) where {@code r(q)} lies outside the volume or {@code Φ(p)} is not finite. Not differentiable:
 * an array operation, not a graph op. Shapes: labels {@code [N, C, D, H, W]}, field {@code [N, 3, D, H, W]} →
 * {@code [N, C, D, H, W]} float32 (labels are exact in float32 up to 2²⁴).
 */
public final class NearestNeighbourWarp {

    private NearestNeighbourWarp() {
    }

    /**
     * @throws IllegalArgumentException naming both shapes when the field does not match the labels
     */
    public static INDArray warp(INDArray labels, INDArray field) {
        long[] s = labels.shape();
        long[] f = field.shape();
        if (s.length != 5 || f.length != 5 || f[0] != s[0] || f[1] != 3 || f[2] != s[2] || f[3] != s[3]
                || f[4] != s[4]) {
            throw new IllegalArgumentException("the nearest-neighbour warp needs labels [N, C, D, H, W] and a field"
                    + " [N, 3, D, H, W] of the same N, D, H, W, got labels " + Arrays.toString(s) + ", field "
                    + Arrays.toString(f));
        }
        int n = (int) s[0];
        int channels = (int) s[1];
        int[] size = {(int) s[2], (int) s[3], (int) s[4]};
        int voxels = size[0] * size[1] * size[2];
        float[] in = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] phi = field.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] out = new float[in.length];
        for (int b = 0; b < n; b++) {
            int fieldBase = b * 3 * voxels;
            for (int d = 0, p = 0; d < size[0]; d++) {
                for (int h = 0; h < size[1]; h++) {
                    for (int w = 0; w < size[2]; w++, p++) {
                        int sd = source(d + phi[fieldBase + p], size[0]);
                        int sh = source(h + phi[fieldBase + voxels + p], size[1]);
                        int sw = source(w + phi[fieldBase + 2 * voxels + p], size[2]);
                        if (sd < 0 || sh < 0 || sw < 0) {
                            continue;
                        }
                        int q = (sd * size[1] + sh) * size[2] + sw;
                        for (int c = 0; c < channels; c++) {
                            int plane = (b * channels + c) * voxels;
                            out[plane + p] = in[plane + q];
                        }
                    }
                }
            }
        }
        return Nd4j.create(out, s, DataType.FLOAT);
    }

    /** The rounded coordinate {@code ⌊q + ½⌋} if it lies in {@code [0, extent − 1]}, else −1 (also for NaN). */
    private static int source(double q, int extent) {
        double r = Math.floor(q + 0.5);
        return r >= 0 && r <= extent - 1 ? (int) r : -1;
    }
}
