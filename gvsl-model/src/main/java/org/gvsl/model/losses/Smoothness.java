package org.gvsl.model.losses;

import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Smoothness penalty of a displacement field, the reference's {@code gradient_loss} with the l2 penalty:
 * <pre>  L_smooth = ( mean(Δ_D u²) + mean(Δ_H u²) + mean(Δ_W u²) ) / 3</pre>
 * where {@code Δ_D u = u[:, :, 1:] − u[:, :, :−1]} (forward differences, likewise along H and W) and each mean is
 * over its own tensor, one shorter along the differenced axis. Input {@code u [N, 3, D, H, W]} in voxels; output a
 * scalar in voxels². A constant field scores 0.
 */
public final class Smoothness {

    private Smoothness() {
    }

    /**
     * Adds {@code L_smooth(u)} to the graph.
     *
     * @throws IllegalArgumentException if an axis has size 1 (no difference exists) or a known shape of
     *                                  {@code u} is not {@code [batch, 3, size]}
     */
    public static SDVariable loss(SDVariable u, int batch, SpatialSize size) {
        ShapeCheck.require(u, size.shape(batch, 3), "the smoothness loss", "field u");
        size.requireNoUnitAxis("the smoothness loss");
        SameDiff sd = u.getSameDiff();
        SDVariable total = null;
        for (int axis = 2; axis < 5; axis++) {
            SDVariable diff = slice(u, axis, 1, size.axis(axis - 2)).sub(slice(u, axis, 0, size.axis(axis - 2) - 1));
            long count = batch * 3L * size.voxels() / size.axis(axis - 2) * (size.axis(axis - 2) - 1);
            SDVariable term = StagedMean.all(sd.math.square(diff), count);
            total = total == null ? term : total.add(term);
        }
        return total.div(3.0);
    }

    /** {@code u} restricted to {@code [from, to)} along {@code axis}. */
    private static SDVariable slice(SDVariable u, int axis, long from, long to) {
        long[] begin = new long[5];
        long[] end = new long[5];
        begin[axis] = from;
        end[axis] = to;
        int allOtherAxes = 0b11111 & ~(1 << axis);
        return u.getSameDiff().stridedSlice(u, begin, end, new long[] {1, 1, 1, 1, 1},
                allOtherAxes, allOtherAxes, 0, 0, 0);
    }
}
