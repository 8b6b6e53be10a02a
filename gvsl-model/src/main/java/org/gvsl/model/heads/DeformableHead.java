package org.gvsl.model.heads;

import org.gvsl.model.blocks.Conv3d;
import org.gvsl.model.blocks.DoubleConv;
import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The local branch of Z-Matching: predicts a deformable displacement field from affinely aligned local features
 * (spec §2).
 *
 * <p>{@code concat[warp(f_moving, a), f_fixed] [N, 2·c8, D, H, W]} → {@code sp_conv = DoubleConv(2·c8, c8/2)} →
 * {@code out_flow = Conv3d(c8/2, 3, k3)} → {@code u [N, 3, D, H, W]} in voxels, channels (D, H, W); no activation,
 * no integration. PyTorch's default initialisation (so {@code u} reaches a few voxels at init, as in the reference).
 */
public final class DeformableHead {

    private final DoubleConv features;
    private final Conv3d flow;

    /** @param localWidth c8, the channel count of each volume's local features */
    public DeformableHead(ParameterFactory params, int localWidth) {
        int hidden = localWidth / 2;
        ParameterFactory.Init init = ParameterFactory.Init.UNIFORM_FAN_IN;
        this.features = new DoubleConv(params, "sp_conv", 2 * localWidth, hidden, GroupNorm.groupsFor(hidden), init);
        this.flow = new Conv3d(params, "out_flow", hidden, 3, 3, init);
    }

    /** The field {@code u} from the aligned moving features and the fixed features, both {@code [N, c8, size]}. */
    public SDVariable field(SDVariable alignedMovingLocal, SDVariable fixedLocal, SpatialSize size) {
        SDVariable joined = alignedMovingLocal.getSameDiff().concat(1, alignedMovingLocal, fixedLocal);
        return flow.forward(features.forward(joined, size));
    }
}
