package org.gvsl.model.heads;

import org.gvsl.model.blocks.DoubleConv;
import org.gvsl.model.blocks.GlobalAveragePool;
import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.Linear;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The global branch of Z-Matching: predicts the 15 raw affine values from the two volumes' global features
 * (spec §2).
 *
 * <p>{@code concat[g_moving, g_fixed] [N, 2·c4, d, h, w]} (moving first) → {@code f_conv = DoubleConv(2·c4, c4/2)}
 * → global average pool → four linear layers {@code fc_rot (3)}, {@code fc_scl (3)}, {@code fc_trans (3)},
 * {@code fc_shear (6)} → raw {@code [N, 15]} ordered rotation | scale | translation | shear (see {@link
 * AffineMatrix}). Parameters keep PyTorch's default initialisation, as the reference heads do.
 */
public final class AffineHead {

    private final DoubleConv features;
    private final Linear rotation;
    private final Linear scale;
    private final Linear translation;
    private final Linear shear;
    private final int hidden;

    /** @param bottleneckWidth c4, the channel count of each volume's global features */
    public AffineHead(ParameterFactory params, int bottleneckWidth) {
        this.hidden = bottleneckWidth / 2;
        ParameterFactory.Init init = ParameterFactory.Init.UNIFORM_FAN_IN;
        this.features = new DoubleConv(params, "f_conv", 2 * bottleneckWidth, hidden, GroupNorm.groupsFor(hidden), init);
        this.rotation = new Linear(params, "fc_rot", hidden, 3);
        this.scale = new Linear(params, "fc_scl", hidden, 3);
        this.translation = new Linear(params, "fc_trans", hidden, 3);
        this.shear = new Linear(params, "fc_shear", hidden, 6);
    }

    /**
     * Raw values {@code [N, 15]} from the global features of the moving and the fixed volume.
     *
     * @param size the spatial size of the global features
     */
    public SDVariable rawValues(SDVariable globalMoving, SDVariable globalFixed, SpatialSize size) {
        SameDiff sd = globalMoving.getSameDiff();
        SDVariable h = features.forward(sd.concat(1, globalMoving, globalFixed), size);
        SDVariable pooled = GlobalAveragePool.apply(h, hidden, size);
        return sd.concat(1, rotation.forward(pooled), scale.forward(pooled), translation.forward(pooled),
                shear.forward(pooled));
    }
}
