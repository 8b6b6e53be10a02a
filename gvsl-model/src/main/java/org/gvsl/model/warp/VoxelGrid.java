package org.gvsl.model.warp;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The identity grid {@code [1, 3, D, H, W]} in voxels: channel 0 holds d, 1 holds h, 2 holds w, so that
 * {@code grid + Φ} is the sampling position of a displacement field Φ.
 *
 * <p>One constant per graph, size and type: the warps of the moving image and of its features and the affine
 * displacement all need it, and SameDiff neither merges equal constants nor leaves them out of a saved graph
 * (three 128³ copies would cost 50 MB more memory and 50 MB more per checkpoint).
 */
public final class VoxelGrid {

    private VoxelGrid() {
    }

    /** The graph's identity grid of {@code size} in {@code type}, added on first use. */
    public static SDVariable of(SameDiff sd, SpatialSize size, DataType type) {
        String name = "voxel_grid_" + size.d() + "x" + size.h() + "x" + size.w() + "_" + type.name().toLowerCase();
        return sd.hasVariable(name) ? sd.getVariable(name) : sd.constant(name, values(size, type));
    }

    static INDArray values(SpatialSize size, DataType type) {
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
