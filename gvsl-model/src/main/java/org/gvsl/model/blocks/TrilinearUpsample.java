package org.gvsl.model.blocks;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trilinear ×2 upsampling with aligned corners, as PyTorch's
 * {@code Upsample(scale_factor=2, mode='trilinear', align_corners=True)}.
 *
 * <p>Along an axis of input size S the output index {@code o ∈ [0, 2S)} reads the input at the position
 * {@code o·(S−1)/(2S−1)}, linearly between its two neighbours; S = 1 copies the single value. Separable, so it is
 * three matrix products with constant interpolation matrices {@code U_S [S, 2S]} (one per axis): {@code x [N, C,
 * D, H, W] → [N, C, 2D, 2H, 2W]}. ND4J's own {@code upsampling3d} repeats values (nearest neighbour), which is not
 * what the reference network does.
 */
public final class TrilinearUpsample {

    private TrilinearUpsample() {
    }

    /**
     * Upsamples {@code x [N, channels, size]} by two along D, H and W.
     *
     * @param channels the channel count C of {@code x} (static, needed to restore the shape)
     * @param size     the spatial size of {@code x}
     */
    public static SDVariable upsample(SDVariable x, int channels, SpatialSize size, DataType dataType) {
        SameDiff sd = x.getSameDiff();
        // W is the last axis: one product. H, then D is moved last and multiplied; one permute between the two.
        SDVariable y = alongLastAxis(x, channels, size.d(), size.h(), size.w(), dataType);       // [N,C,D,H,2W]
        y = sd.permute(y, 0, 1, 2, 4, 3);                                                      // [N,C,D,2W,H]
        y = alongLastAxis(y, channels, size.d(), 2 * size.w(), size.h(), dataType);
        y = sd.permute(y, 0, 1, 4, 3, 2);                                                      // [N,C,2H,2W,D]
        y = alongLastAxis(y, channels, 2 * size.h(), 2 * size.w(), size.d(), dataType);
        return sd.permute(y, 0, 1, 4, 2, 3);                                                   // [N,C,2D,2H,2W]
    }

    /** {@code [N, C, a, b, s] → [N, C, a, b, 2s]} by the interpolation matrix of size s. */
    private static SDVariable alongLastAxis(SDVariable x, int channels, int a, int b, int s, DataType dataType) {
        SameDiff sd = x.getSameDiff();
        SDVariable rows = sd.reshape(x, -1, s);
        SDVariable up = sd.mmul(rows, sd.constant(Nd4j.create(interpolationMatrix(s), new long[] {s, 2L * s}, 'c')
                .castTo(dataType)));
        return sd.reshape(up, -1, channels, a, b, 2L * s);
    }

    /**
     * The matrix {@code U [S, 2S]} with {@code (x·U)[o] = } the align-corners sample of x at output index o,
     * row-major.
     */
    static double[] interpolationMatrix(int s) {
        int out = 2 * s;
        double[] u = new double[s * out];
        for (int o = 0; o < out; o++) {
            if (s == 1) {
                u[o] = 1.0;
                continue;
            }
            double position = (double) o * (s - 1) / (out - 1);
            int lower = Math.min((int) Math.floor(position), s - 2);
            double frac = position - lower;
            u[lower * out + o] += 1.0 - frac;
            u[(lower + 1) * out + o] += frac;
        }
        return u;
    }
}
