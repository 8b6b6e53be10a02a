package org.gvsl.model.warp;

import org.gvsl.model.ops.DifferentiableGather;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Warps a volume by a dense displacement field with trilinear interpolation (spec §3).
 *
 * <p><b>Coordinate rules.</b> The field holds <em>displacements, not positions</em>, in <b>voxels</b>, with
 * channels in the order <b>(D, H, W)</b>. It is a backward map: output voxel {@code p = (d, h, w)} samples the
 * moving image at {@code q = p + Φ(p)}:
 * <pre>  out[n, c, p] = Σ_{corners k of the cell of q} w_k(q) · image[n, c, k]</pre>
 * with the 8 integer neighbours {@code k} of {@code q} and trilinear weights. A neighbour outside the volume
 * contributes 0 (<b>zero padding</b>). The arithmetic stays in voxel space, so a zero field returns the image
 * exactly; this equals PyTorch's {@code grid_sample(mode='bilinear', padding_mode='zeros', align_corners=True)}
 * with the grid {@code 2q/(S−1) − 1} and channels reordered to (x, y, z) = (W, H, D).
 *
 * <p><b>Gradients</b> flow to the image (through {@link DifferentiableGather}) and to the field; at an integer
 * coordinate the field gradient is the forward difference of the floor cell, as in PyTorch.
 *
 * <p>Shapes: image {@code [N, C, D, H, W]} (any C), field {@code [N, 3, D, H, W]}, output {@code [N, C, D, H, W]}.
 * The graph is built for a static N and size (the batch offsets of the gather are constants). Every spatial axis
 * must be ≥ 2 (the convention's normalisation divides by S−1).
 */
public final class TrilinearWarp {

    private TrilinearWarp() {
    }

    /**
     * Adds the warp of {@code image} by {@code field} to the graph.
     *
     * @param batch    N of both inputs
     * @param channels C of the image
     * @param size     spatial size of image, field and output
     * @throws IllegalArgumentException on a size-1 axis or when a known input shape differs from
     *                                  {@code [batch, channels|3, size]} (both shapes are in the message)
     */
    public static SDVariable warp(SDVariable image, SDVariable field, int batch, int channels, SpatialSize size) {
        size.requireNoUnitAxis("the warp");
        ShapeCheck.require(image, size.shape(batch, channels), "the warp", "image");
        ShapeCheck.require(field, size.shape(batch, 3), "the warp", "displacement field");
        SameDiff sd = image.getSameDiff();
        DataType type = field.dataType();

        SDVariable positions = field.add(sd.constant(voxelGrid(size, type)));
        SDVariable[] q = sd.unstack(positions, 1, 3); // [N, D, H, W] each: sampling position along D, H, W
        long rowsPerSample = size.voxels();
        long[] stride = {(long) size.h() * size.w(), size.w(), 1};

        SDVariable[][] weights = new SDVariable[3][];
        SDVariable[][] offsets = new SDVariable[3][];
        for (int axis = 0; axis < 3; axis++) {
            SDVariable lower = sd.math.floor(q[axis]);
            SDVariable frac = q[axis].sub(lower);
            SDVariable upper = lower.add(1.0);
            weights[axis] = new SDVariable[] {
                    frac.rsub(1.0).mul(inside(lower, size.axis(axis), type)),
                    frac.mul(inside(upper, size.axis(axis), type))};
            offsets[axis] = new SDVariable[] {
                    rowOffset(lower, size.axis(axis), stride[axis]),
                    rowOffset(upper, size.axis(axis), stride[axis])};
        }
        SDVariable batchOffset = sd.constant(batchOffsets(batch, rowsPerSample));

        // Rows of the image, one per voxel: [N·D·H·W, C]; the output is accumulated in the same layout.
        SDVariable rows = sd.reshape(sd.permute(image, 0, 2, 3, 4, 1), -1, channels);
        SDVariable out = null;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 2; c++) {
                    SDVariable index = sd.reshape(
                            batchOffset.add(offsets[0][a]).add(offsets[1][b]).add(offsets[2][c]), -1);
                    SDVariable weight = sd.reshape(weights[0][a].mul(weights[1][b]).mul(weights[2][c]), -1, 1);
                    SDVariable term = DifferentiableGather.rows(rows, index).mul(weight);
                    out = out == null ? term : out.add(term);
                }
            }
        }
        SDVariable voxels = sd.reshape(out, batch, size.d(), size.h(), size.w(), channels);
        return sd.permute(voxels, 0, 4, 1, 2, 3);
    }

    /** 1 where the integer coordinate {@code i} lies in {@code [0, extent−1]}, else 0 (no gradient). */
    private static SDVariable inside(SDVariable i, int extent, DataType type) {
        SameDiff sd = i.getSameDiff();
        return sd.castTo(sd.eq(i, sd.clipByValue(i, 0, extent - 1)), type);
    }

    /** The clamped coordinate times its row stride, as INT (clamping keeps masked corners addressable). */
    private static SDVariable rowOffset(SDVariable i, int extent, long stride) {
        SameDiff sd = i.getSameDiff();
        SDVariable clamped = sd.castTo(sd.clipByValue(i, 0, extent - 1), DataType.INT);
        return clamped.mul(sd.constant(Nd4j.scalar(DataType.INT, (int) stride)));
    }

    /** {@code [N, 1, 1, 1]} INT: the first row of each sample. */
    private static INDArray batchOffsets(int batch, long rowsPerSample) {
        int[] offsets = new int[batch];
        for (int n = 0; n < batch; n++) {
            offsets[n] = Math.toIntExact(n * rowsPerSample);
        }
        return Nd4j.createFromArray(offsets).reshape(batch, 1, 1, 1);
    }

    /** The identity grid {@code [1, 3, D, H, W]}: channel 0 holds d, 1 holds h, 2 holds w. */
    public static INDArray voxelGrid(SpatialSize size, DataType type) {
        int d = size.d();
        int h = size.h();
        int w = size.w();
        double[] grid = new double[3 * d * h * w];
        int plane = d * h * w;
        int i = 0;
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    grid[i] = z;
                    grid[plane + i] = y;
                    grid[2 * plane + i] = x;
                }
            }
        }
        return Nd4j.createFromArray(grid).castTo(type).reshape(1, 3, d, h, w);
    }
}
