package org.gvsl.data.augment;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.data.volume.VoxelSampler;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One drawn spatial transform over a {@code [D, H, W]} grid: an affine (normalised, align-corners) composed with a
 * displacement field (voxels), applied identically to any number of volumes of that grid.
 *
 * <p>Output voxel {@code p = (d, h, w)} reads each input at {@code q = A(p + u(p))}: first the elastic
 * displacement, then the affine, which in voxel units is {@code q = L·v + b} on {@code (x, y, z) = (w, h, d)} with
 * {@code L = G⁻¹·M·G}, {@code b = G⁻¹·(t + 1 − M·1)}, {@code G = diag(2/(W−1), 2/(H−1), 2/(D−1))} (method.md §0:
 * {@code n = 2i/(S−1) − 1}). This is the reference's order (affine resample, then elastic resample) done with one
 * interpolation instead of two, so the image is blurred once; there is no +0.5-voxel offset and no
 * align-corners mix (both are reference quirks we do not copy). Each volume is sampled by {@link VoxelSampler}:
 * trilinear for images, nearest for label maps, zero padding.
 */
public final class SpatialDraw {

    private final VolumeShape shape;
    private final AffineParameters affine;
    private final DisplacementField field;
    private final double[][] l;
    private final double[] b;

    /**
     * @param shape  the grid
     * @param affine the affine in normalised units, or null for none
     * @param field  the displacement field in voxels over {@code shape}, or null for none
     * @throws IllegalArgumentException if an affine is given and an axis has size 1 (align corners divides by
     *                                  {@code S−1}), or the field's shape differs
     */
    public SpatialDraw(VolumeShape shape, AffineParameters affine, DisplacementField field) {
        if (field != null && !field.shape().equals(shape)) {
            throw new IllegalArgumentException("field shape " + field.shape() + " differs from the grid " + shape);
        }
        this.shape = shape;
        this.affine = affine;
        this.field = field;
        this.l = new double[3][3];
        this.b = new double[3];
        if (affine == null) {
            l[0][0] = 1;
            l[1][1] = 1;
            l[2][2] = 1;
            return;
        }
        int[] sizeXyz = {shape.width(), shape.height(), shape.depth()};
        double[] g = new double[3];
        for (int a = 0; a < 3; a++) {
            if (sizeXyz[a] < 2) {
                throw new IllegalArgumentException("an affine in align-corners coordinates needs every axis >= 2 voxels, "
                        + "got shape [D, H, W] = " + shape);
            }
            g[a] = 2.0 / (sizeXyz[a] - 1);
        }
        double[][] m = affine.matrix();
        double[] t = affine.translation();
        for (int r = 0; r < 3; r++) {
            double rowSum = 0;
            for (int c = 0; c < 3; c++) {
                l[r][c] = m[r][c] * g[c] / g[r];
                rowSum += m[r][c];
            }
            b[r] = (t[r] + 1 - rowSum) / g[r];
        }
    }

    /** The grid {@code [D, H, W]} this draw transforms. */
    public VolumeShape shape() {
        return shape;
    }

    /** The affine, or null. */
    public AffineParameters affine() {
        return affine;
    }

    /** The displacement field, or null. */
    public DisplacementField field() {
        return field;
    }

    /** The sampling position {@code q = A(p + u(p))} of output voxel {@code (d, h, w)}: {@code out = (qd, qh, qw)}. */
    public void position(int d, int h, int w, double[] out) {
        int i = shape.index(d, h, w);
        double vx = w;
        double vy = h;
        double vz = d;
        if (field != null) {
            vz += field.channels[0][i];
            vy += field.channels[1][i];
            vx += field.channels[2][i];
        }
        out[2] = l[0][0] * vx + l[0][1] * vy + l[0][2] * vz + b[0];
        out[1] = l[1][0] * vx + l[1][1] * vy + l[1][2] * vz + b[1];
        out[0] = l[2][0] * vx + l[2][1] * vy + l[2][2] * vz + b[2];
    }

    /** One volume transformed. */
    public Volume apply(Volume volume, Interpolation interpolation) {
        return apply(List.of(volume), List.of(interpolation)).get(0);
    }

    /**
     * Several volumes transformed by this same draw; inputs are not modified, outputs keep the input geometry.
     *
     * @param volumes        volumes of this draw's shape
     * @param interpolations one per volume: {@code LINEAR} for images, {@code NEAREST} for label maps
     */
    public List<Volume> apply(List<Volume> volumes, List<Interpolation> interpolations) {
        if (volumes.size() != interpolations.size()) {
            throw new IllegalArgumentException(volumes.size() + " volumes but " + interpolations.size() + " interpolations");
        }
        int k = volumes.size();
        VoxelSampler[] samplers = new VoxelSampler[k];
        float[][] out = new float[k][];
        for (int v = 0; v < k; v++) {
            Volume volume = volumes.get(v);
            if (!volume.shape().equals(shape)) {
                throw new IllegalArgumentException("volume " + v + " has shape " + volume.shape() + ", the draw is for " + shape);
            }
            samplers[v] = new VoxelSampler(volume, interpolations.get(v));
            out[v] = new float[shape.voxelCount()];
        }
        IntStream.range(0, shape.depth()).parallel().forEach(d -> {
            double[] q = new double[3];
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++) {
                    position(d, h, w, q);
                    int i = shape.index(d, h, w);
                    for (int v = 0; v < k; v++) {
                        out[v][i] = samplers[v].sample(q[0], q[1], q[2]);
                    }
                }
            }
        });
        List<Volume> result = new ArrayList<>(k);
        for (int v = 0; v < k; v++) {
            result.add(volumes.get(v).withVoxels(out[v]));
        }
        return result;
    }
}
