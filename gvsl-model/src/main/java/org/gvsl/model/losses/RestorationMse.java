package org.gvsl.model.losses;

import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Restoration loss {@code L_mse = mean((restored − target)²)} over every voxel and the batch (spec §4). Inputs
 * {@code [N, 1, D, H, W]} in intensity units; output a scalar.
 */
public final class RestorationMse {

    private RestorationMse() {
    }

    /** Adds {@code L_mse(restored, target)} to the graph. */
    public static SDVariable loss(SDVariable restored, SDVariable target, int batch, SpatialSize size) {
        ShapeCheck.require(restored, size.shape(batch, 1), "the restoration loss", "restored image");
        ShapeCheck.require(target, size.shape(batch, 1), "the restoration loss", "target image");
        SDVariable diff = restored.sub(target);
        return StagedMean.all(diff.mul(diff), batch * size.voxels());
    }
}
