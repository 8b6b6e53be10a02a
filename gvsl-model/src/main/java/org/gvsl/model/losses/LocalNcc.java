package org.gvsl.model.losses;

import org.gvsl.model.ops.HostOpExecutioner;
import org.gvsl.model.ops.StagedMean;
import org.gvsl.model.shape.ShapeCheck;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Local normalised cross-correlation loss, exactly the GVSL reference's {@code ncc_loss} (VoxelMorph's NCC with
 * {@code 1 − mean} in place of {@code −mean}).
 *
 * <p>With zero-padded window sums {@code Σ} over the {@code w³} neighbourhood centred at each voxel and
 * {@code n = w³}:
 * <pre>
 *   cross = ΣIJ − ΣI·ΣJ/n,   varI = ΣI² − (ΣI)²/n,   varJ = ΣJ² − (ΣJ)²/n
 *   cc    = cross² / (varI·varJ + 1e-5)
 *   L_ncc = 1 − mean(cc)      over all voxels and the batch
 * </pre>
 * Inputs {@code I, J [N, 1, D, H, W]} (intensity units; single channel), output a scalar in [0, 1] (0 for images
 * that are locally linearly related everywhere). The window sums are a separable box filter: three 1-D
 * convolutions with a ones kernel ({@code w×1×1}, {@code 1×w×1}, {@code 1×1×w}), 9× fewer operations than the
 * dense {@code w³} convolution at w = 9 and exact up to float32 rounding. On the CPU backend the map of cc is one
 * host op ({@link LocalNccOp}: running sums in double, nothing kept for the backward pass but I and J); elsewhere
 * (CUDA) it is composed of native ops as above. Reference: He et al. 2023, §3.2;
 * {@code PyTorch/utils/losses.py}.
 */
public final class LocalNcc {

    /** The constant added to the denominator. */
    public static final double EPSILON = 1e-5;

    private final int window;

    /** @param window odd window side in voxels (9 in the reference) */
    public LocalNcc(int window) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("the NCC window must be odd and positive, got " + window);
        }
        this.window = window;
    }


    /**
     * Adds {@code L_ncc(i, j)} to the graph.
     *
     * @throws IllegalArgumentException when a known input shape is not {@code [batch, 1, size]}
     */
    public SDVariable loss(SDVariable i, SDVariable j, int batch, SpatialSize size) {
        ShapeCheck.require(i, size.shape(batch, 1), "the NCC loss", "first image I");
        ShapeCheck.require(j, size.shape(batch, 1), "the NCC loss", "second image J");
        SDVariable cc = HostOpExecutioner.installed() ? new LocalNccOp(i.getSameDiff(), i, j, window).outputVariable()
                : composedMap(i, j);
        return StagedMean.all(cc, batch * size.voxels()).rsub(1.0);
    }

    /** The per-voxel cc composed of native ops (used where host ops do not run; shapes checked by the caller). */
    SDVariable composedMap(SDVariable i, SDVariable j) {
        SameDiff sd = i.getSameDiff();
        SDVariable maps = sd.concat(0, i, j, i.mul(i), j.mul(j), i.mul(j));
        SDVariable sums = boxSum(maps);
        SDVariable[] s = sd.split(sums, 5, 0);
        double n = (double) window * window * window;
        SDVariable cross = s[4].sub(s[0].mul(s[1]).div(n));
        SDVariable varI = s[2].sub(s[0].mul(s[0]).div(n));
        SDVariable varJ = s[3].sub(s[1].mul(s[1]).div(n));
        return cross.mul(cross).div(varI.mul(varJ).add(EPSILON));
    }

    /** Zero-padded sums over the {@code w³} window centred at each voxel of {@code x [M, 1, D, H, W]}. */
    private SDVariable boxSum(SDVariable x) {
        SDVariable y = alongAxis(x, window, 1, 1);
        y = alongAxis(y, 1, window, 1);
        return alongAxis(y, 1, 1, window);
    }

    private static SDVariable alongAxis(SDVariable x, int kd, int kh, int kw) {
        SameDiff sd = x.getSameDiff();
        Conv3DConfig config = Conv3DConfig.builder()
                .kD(kd).kH(kh).kW(kw)
                .sD(1).sH(1).sW(1)
                .pD(kd / 2).pH(kh / 2).pW(kw / 2)
                .dD(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME)
                .dataFormat(Conv3DConfig.NCDHW)
                .biasUsed(false)
                .build();
        SDVariable ones = sd.constant(Nd4j.ones(x.dataType(), kd, kh, kw, 1, 1));
        return sd.cnn.conv3d(x, ones, config);
    }
}
