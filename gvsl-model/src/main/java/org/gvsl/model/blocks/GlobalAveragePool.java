package org.gvsl.model.blocks;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Global average pooling over the spatial axes, as PyTorch's {@code AdaptiveAvgPool3d(1)} followed by a flatten:
 * {@code y[n, c] = (1/(D·H·W)) Σ_p x[n, c, p]}, {@code x [N, C, D, H, W] → y [N, C]}. Any batch size, also a
 * dynamic one.
 */
public final class GlobalAveragePool {

    private GlobalAveragePool() {
    }

    /**
     * Pools {@code x [N, channels, size]}.
     *
     * @param channels C (static, to restore the shape)
     * @param size     the spatial size of {@code x}
     */
    public static SDVariable apply(SDVariable x, int channels, SpatialSize size) {
        SameDiff sd = x.getSameDiff();
        // A 1×1×1 input is already pooled (and ND4J cannot reduce its size-1 axes, see StagedMean).
        return size.voxels() == 1 ? sd.reshape(x, -1, channels)
                : sd.mean(sd.reshape(x, -1, channels, size.voxels()), 2);
    }
}
