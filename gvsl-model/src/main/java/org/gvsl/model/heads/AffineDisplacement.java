package org.gvsl.model.heads;

import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.warp.VoxelGrid;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An affine matrix expressed in voxels on a grid, as a dense displacement field and fused with a deformable field
 * (spec §2, "Affine field" and "Fusion").
 *
 * <p>The matrix samples the moving image at {@code n' = M·n(p) + t}, in align-corners normalised coordinates
 * {@code n = g∘i − 1} with {@code g = (2/(W−1), 2/(H−1), 2/(D−1))} on (x, y, z). In voxel units this is
 * {@code i' = L·i + c} with
 * <pre>
 *   L = Dg⁻¹·M·Dg   (L_ij = M_ij·g_j/g_i),      c = Dg⁻¹·(t + 1 − M·1)
 *   a(p) = (L − I)·p + c                          the affine displacement field
 *   Φ(p) = a(p) + L·u(p) = (L − I)·p + L·u(p) + c  the fused field: sample at the affine image of p + u(p)
 * </pre>
 * Fields are {@code [N, 3, D, H, W]} in voxels with channels (D, H, W); L and c are stored here in the same
 * (D, H, W) order ({@link #voxelMatrixXyz()} gives L in the reference's (x, y, z) order). Every axis must be ≥ 2.
 */
public final class AffineDisplacement {

    private final SpatialSize size;
    private final int batch;
    private final SDVariable voxelMatrixXyz;
    private final SDVariable linear;      // L in (D,H,W) order, [N, 3, 3]
    private final SDVariable offset;      // c in (D,H,W) order, [N, 3, 1]
    private final SDVariable affineFlat;  // (L − I)·p + c, [N, 3, D·H·W]

    /**
     * @param affine the matrix (M, t) from {@link AffineMatrix}
     * @param batch  N
     * @param size   the grid the fields live on
     */
    public AffineDisplacement(AffineMatrix affine, int batch, SpatialSize size) {
        size.requireNoUnitAxis("the affine displacement");
        this.size = size;
        this.batch = batch;
        SameDiff sd = affine.m().getSameDiff();
        DataType type = affine.m().dataType();
        double[] g = {2.0 / (size.w() - 1), 2.0 / (size.h() - 1), 2.0 / (size.d() - 1)};
        double[] ratio = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                ratio[3 * i + j] = g[j] / g[i];
            }
        }
        this.voxelMatrixXyz = affine.m().mul(sd.constant(Nd4j.createFromArray(ratio).castTo(type).reshape(1, 3, 3)));
        SDVariable offsetXyz = affine.t().add(1.0).sub(sd.sum(affine.m(), 2))
                .div(sd.constant(Nd4j.createFromArray(g).castTo(type).reshape(1, 3)));
        this.linear = sd.reverse(voxelMatrixXyz, 1, 2);
        this.offset = sd.expandDims(sd.reverse(offsetXyz, 1), 2);
        SDVariable grid = sd.reshape(VoxelGrid.of(sd, size, type), 3, size.voxels());
        INDArray identity = Nd4j.eye(3).castTo(type).reshape(1, 3, 3);
        SDVariable rows = sd.reshape(linear.sub(sd.constant(identity)), 3L * batch, 3);
        this.affineFlat = sd.reshape(sd.mmul(rows, grid), batch, 3, size.voxels()).add(offset);
    }

    /** L in the reference's (x, y, z) order, {@code [N, 3, 3]}. */
    public SDVariable voxelMatrixXyz() {
        return voxelMatrixXyz;
    }

    /** The affine displacement {@code a [N, 3, D, H, W]}. */
    public SDVariable field() {
        return toVolume(affineFlat);
    }

    /** The fused displacement {@code Φ = a + L·u} for a deformable field {@code u [N, 3, D, H, W]}. */
    public SDVariable fuse(SDVariable u) {
        SameDiff sd = u.getSameDiff();
        SDVariable flatU = sd.reshape(u, batch, 3, size.voxels());
        return toVolume(affineFlat.add(sd.mmul(linear, flatU)));
    }

    private SDVariable toVolume(SDVariable flat) {
        return flat.getSameDiff().reshape(flat, size.shape(batch, 3));
    }
}
