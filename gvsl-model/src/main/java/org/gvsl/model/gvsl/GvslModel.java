package org.gvsl.model.gvsl;

import org.gvsl.model.backend.GraphScope;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.heads.AffineDisplacement;
import org.gvsl.model.heads.AffineHead;
import org.gvsl.model.heads.AffineMatrix;
import org.gvsl.model.heads.DeformableHead;
import org.gvsl.model.heads.RestorationHead;
import org.gvsl.model.losses.LocalNcc;
import org.gvsl.model.losses.RestorationMse;
import org.gvsl.model.losses.Smoothness;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.warp.TrilinearWarp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GVSL as a composition of a backbone and heads (spec §1–§5): one forward pass from the fixed image {@code x_A^t},
 * the moving image {@code x_B} and the clean target {@code x_A} to every intermediate and the losses.
 *
 * <pre>
 *   g, f            = UNet([fixed; moving])              both volumes in one batch of 2N (GroupNorm is per sample)
 *   raw             = AffineHead(g_moving, g_fixed)       → (M, t) → L, c on the grid
 *   a               = (L − I)·p + c                       affine displacement (voxels)
 *   u               = DeformableHead(warp(f_moving, a), f_fixed)
 *   Φ               = a + L·u ;  warped = warp(moving, Φ) one interpolation
 *   restored        = RestorationHead(f_fixed)
 *   L = L_ncc(warped, target) + λs·L_smooth(u) + λm·L_mse(restored, target)
 * </pre>
 * Without the affine head {@code a = 0} and {@code L = I}; parts a {@link Variant} leaves out are absent (null) in
 * {@link Outputs}. {@link #register} is the Z-Matching part alone (features to warped image, no losses), which the
 * training graph and the registration graph of a pre-trained model share.
 */
public final class GvslModel {

    private final GvslConfig config;
    private final UNet3D backbone;
    private final AffineHead affineHead;
    private final DeformableHead deformableHead;
    private final RestorationHead restorationHead;
    private final LocalNcc ncc;

    /**
     * Composes a model; the heads that {@code config.variant()} does not use must be null.
     */
    public GvslModel(GvslConfig config, UNet3D backbone, AffineHead affineHead, DeformableHead deformableHead,
                     RestorationHead restorationHead) {
        Variant v = config.variant();
        if ((affineHead != null) != v.affine() || (deformableHead != null) != v.registration()
                || (restorationHead != null) != v.restoration()) {
            throw new IllegalArgumentException("the heads given do not match variant " + v + ": affine="
                    + (affineHead != null) + ", deformable=" + (deformableHead != null) + ", restoration="
                    + (restorationHead != null));
        }
        this.config = config;
        this.backbone = backbone;
        this.affineHead = affineHead;
        this.deformableHead = deformableHead;
        this.restorationHead = restorationHead;
        this.ncc = new LocalNcc(config.nccWindow());
    }

    /** Builds the backbone and the heads that the configuration's variant uses, with fresh parameters. */
    public static GvslModel create(ParameterFactory params, GvslConfig config) {
        Variant v = config.variant();
        int c4 = config.widths().c4();
        int c8 = config.widths().c8();
        return new GvslModel(config,
                new UNet3D(params, "unet", config.widths()),
                v.affine() ? new AffineHead(params, c4) : null,
                v.registration() ? new DeformableHead(params, c8) : null,
                v.restoration() ? new RestorationHead(params, c8) : null);
    }

    /**
     * Every tensor of one forward pass; null where the variant leaves the part out.
     *
     * @param registration the Z-Matching tensors ({@link #register}); null for {@link Variant#RESTORATION_ONLY}
     * @param globalFixed  g of the fixed image {@code [N, c4, D'/16, H'/16, W'/16]}
     * @param localFixed   f of the fixed image {@code [N, c8, D, H, W]}
     * @param restored     restoration output {@code [N, 1, D, H, W]}
     * @param lossNcc      L_ncc
     * @param lossSmooth   L_smooth
     * @param lossMse      L_mse
     * @param lossTotal    the weighted total
     */
    public record Outputs(Registration registration, SDVariable globalFixed, SDVariable localFixed,
                          SDVariable restored, SDVariable lossNcc, SDVariable lossSmooth, SDVariable lossMse,
                          SDVariable lossTotal) {
    }

    /**
     * The Z-Matching part of one forward pass, without losses: features of both volumes, the affine and deformable
     * fields, the fused field and the warped moving image; null where the variant leaves the part out.
     *
     * @param globalFixed  g of the fixed image {@code [N, c4, D'/16, H'/16, W'/16]}
     * @param globalMoving g of the moving image
     * @param localFixed   f of the fixed image {@code [N, c8, D, H, W]}
     * @param localMoving  f of the moving image
     * @param raw          affine head output {@code [N, 15]}
     * @param affine       the affine matrix (M, t)
     * @param voxelMatrix  L in (x, y, z) order {@code [N, 3, 3]}
     * @param affineField  a {@code [N, 3, D, H, W]}
     * @param flow         u {@code [N, 3, D, H, W]}
     * @param dvf          Φ {@code [N, 3, D, H, W]} (the same variable as {@code flow} without the affine head)
     * @param warped       moving warped by Φ {@code [N, 1, D, H, W]}
     */
    public record Registration(SDVariable globalFixed, SDVariable globalMoving, SDVariable localFixed,
                               SDVariable localMoving, SDVariable raw, AffineMatrix affine, SDVariable voxelMatrix,
                               SDVariable affineField, SDVariable flow, SDVariable dvf, SDVariable warped) {
    }

    /**
     * Adds the registration of {@code moving} to {@code fixed} (both {@code [batch, 1, size]}) to their graph:
     * one U-Net pass over both volumes, the heads, the fusion and one warp (the class formula without the
     * restoration head and the losses).
     *
     * @throws IllegalStateException when the variant has no registration branch ({@link Variant#RESTORATION_ONLY})
     */
    public Registration register(SDVariable fixed, SDVariable moving, int batch, SpatialSize size) {
        Variant v = config.variant();
        if (!v.registration()) {
            throw new IllegalStateException("variant " + v + " has no registration heads");
        }
        SameDiff sd = fixed.getSameDiff();
        UNet3D.Features features = GraphScope.in(sd, "unet",
                () -> backbone(sd.concat(0, fixed, moving), 2 * batch, size));
        SDVariable gFixed = firstHalf(features.global(), batch);
        SDVariable fFixed = firstHalf(features.local(), batch);
        SDVariable gMoving = secondHalf(features.global(), batch);
        SDVariable fMoving = secondHalf(features.local(), batch);

        SDVariable raw = null;
        AffineMatrix affine = null;
        SDVariable voxelMatrix = null;
        SDVariable affineField = null;
        SDVariable alignedMoving = fMoving;
        AffineDisplacement displacement = null;
        if (v.affine()) {
            SDVariable rawValues = GraphScope.in(sd, "affine_head",
                    () -> affineHead.rawValues(gMoving, gFixed, features.globalSize()));
            AffineMatrix matrix = GraphScope.in(sd, "affine_head", () -> AffineMatrix.fromRaw(rawValues));
            AffineDisplacement affineDisplacement = GraphScope.in(sd, "affine_field",
                    () -> new AffineDisplacement(matrix, batch, size));
            SDVariable field = GraphScope.in(sd, "affine_field", affineDisplacement::field);
            raw = rawValues;
            affine = matrix;
            displacement = affineDisplacement;
            voxelMatrix = affineDisplacement.voxelMatrixXyz();
            affineField = field;
            alignedMoving = GraphScope.in(sd, "warp_features",
                    () -> TrilinearWarp.warp(fMoving, field, batch, config.widths().c8(), size));
        }
        SDVariable aligned = alignedMoving;
        SDVariable flow = GraphScope.in(sd, "deformable_head", () -> deformableHead.field(aligned, fFixed, size));
        AffineDisplacement fusion = displacement;
        SDVariable dvf = fusion == null ? flow : GraphScope.in(sd, "fusion", () -> fusion.fuse(flow));
        SDVariable warped = GraphScope.in(sd, "warp_image", () -> TrilinearWarp.warp(moving, dvf, batch, 1, size));
        return new Registration(gFixed, gMoving, fFixed, fMoving, raw, affine, voxelMatrix, affineField, flow, dvf,
                warped);
    }

    /**
     * Adds the forward pass to the graph of the inputs, all {@code [batch, 1, size]}: {@link #register} (for the
     * variants that register), the restoration head, and the losses.
     *
     * @param moving may be null for {@link Variant#RESTORATION_ONLY}
     */
    public Outputs forward(SDVariable fixed, SDVariable moving, SDVariable target, int batch, SpatialSize size) {
        SameDiff sd = fixed.getSameDiff();
        Variant v = config.variant();
        Registration r = null;
        SDVariable fFixed;
        SDVariable gFixed;
        SDVariable lossNcc = null;
        SDVariable lossSmooth = null;
        SDVariable total = null;
        if (v.registration()) {
            r = register(fixed, moving, batch, size);
            fFixed = r.localFixed();
            gFixed = r.globalFixed();
            Registration registration = r;
            lossNcc = GraphScope.in(sd, "ncc", () -> ncc.loss(registration.warped(), target, batch, size));
            lossSmooth = GraphScope.in(sd, "smoothness", () -> Smoothness.loss(registration.flow(), batch, size));
            total = lossNcc.add(lossSmooth.mul(config.lambdaSmooth()));
        } else {
            UNet3D.Features features = GraphScope.in(sd, "unet", () -> backbone(fixed, batch, size));
            fFixed = features.local();
            gFixed = features.global();
        }
        SDVariable restored = null;
        SDVariable lossMse = null;
        if (v.restoration()) {
            SDVariable features = fFixed;
            SDVariable image = GraphScope.in(sd, "restoration", () -> restorationHead.restore(features, size));
            restored = image;
            lossMse = GraphScope.in(sd, "restoration", () -> RestorationMse.loss(image, target, batch, size));
            if (total == null) {
                // The only term: a product with a constant, not a scalar multiple, so that the training step
                // computes L_mse (TrainingStep reports a term only where a pairwise op's backward reads it).
                total = lossMse.mul(sd.constant(Nd4j.scalar(lossMse.dataType(), config.lambdaMse())));
            } else {
                total = total.add(lossMse.mul(config.lambdaMse()));
            }
        }
        return new Outputs(r, gFixed, fFixed, restored, lossNcc, lossSmooth, lossMse, total);
    }

    public GvslConfig config() {
        return config;
    }

    /**
     * The backbone on {@code volumes} volumes {@code [volumes, 1, size]}: at once, or in float64 one volume at a
     * time. Float64 runs on libnd4j's generic convolution (oneDNN has none), whose im2col buffers hold the whole
     * batch: 2.7 GB for one full-width layer at 32³ and 4 volumes, twice in its backward pass. The numbers are the
     * same either way (GroupNorm is per sample).
     */
    private UNet3D.Features backbone(SDVariable x, int volumes, SpatialSize size) {
        if (x.dataType() != DataType.DOUBLE || volumes == 1) {
            return backbone.forward(x, size);
        }
        SameDiff sd = x.getSameDiff();
        SDVariable[] one = sd.unstack(x, 0, volumes);
        SDVariable[] global = new SDVariable[volumes];
        SDVariable[] local = new SDVariable[volumes];
        SpatialSize globalSize = null;
        for (int i = 0; i < volumes; i++) {
            UNet3D.Features f = backbone.forward(sd.expandDims(one[i], 0), size);
            global[i] = f.global();
            local[i] = f.local();
            globalSize = f.globalSize();
        }
        return new UNet3D.Features(sd.concat(0, global), globalSize, sd.concat(0, local));
    }

    private static SDVariable firstHalf(SDVariable x, int batch) {
        return batchRange(x, 0, batch);
    }

    private static SDVariable secondHalf(SDVariable x, int batch) {
        return batchRange(x, batch, 2L * batch);
    }

    private static SDVariable batchRange(SDVariable x, long from, long to) {
        int allButBatch = 0b11110;
        return x.getSameDiff().stridedSlice(x, new long[] {from, 0, 0, 0, 0}, new long[] {to, 0, 0, 0, 0},
                new long[] {1, 1, 1, 1, 1}, allButBatch, allButBatch, 0, 0, 0);
    }
}
