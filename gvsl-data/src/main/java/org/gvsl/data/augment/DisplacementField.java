package org.gvsl.data.augment;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.data.volume.VoxelSampler;

import java.util.stream.IntStream;

/**
 * A dense displacement field {@code u} over a {@code [D, H, W]} grid, in <b>voxels</b>, with channels in the
 * order {@code (D, H, W)} (method.md §0): voxel {@code p} of a warped image reads the source at {@code p + u(p)}.
 * Immutable.
 */
public final class DisplacementField {

    private final VolumeShape shape;
    /** Channels D, H, W, each C order over {@code shape}; package-private for {@link SpatialDraw}. */
    final float[][] channels;

    /**
     * A field that takes ownership of its channel arrays (the caller must not modify them afterwards).
     *
     * @param alongD displacement along D in voxels, C order over {@code shape}
     * @param alongH displacement along H
     * @param alongW displacement along W
     */
    public DisplacementField(VolumeShape shape, float[] alongD, float[] alongH, float[] alongW) {
        for (float[] c : new float[][] {alongD, alongH, alongW}) {
            if (c.length != shape.voxelCount()) {
                throw new IllegalArgumentException("a field channel of " + c.length + " values does not match shape " + shape);
            }
        }
        this.shape = shape;
        this.channels = new float[][] {alongD, alongH, alongW};
    }

    /** The zero field. */
    public static DisplacementField zero(VolumeShape shape) {
        int n = shape.voxelCount();
        return new DisplacementField(shape, new float[n], new float[n], new float[n]);
    }

    /** The grid {@code [D, H, W]} of the field. */
    public VolumeShape shape() {
        return shape;
    }

    /** One channel (0 = D, 1 = H, 2 = W) in voxels, a copy. */
    public float[] channel(int axis) {
        return channels[axis].clone();
    }

    /** The displacement of voxel {@code (d, h, w)} along {@code axis}. */
    public float get(int axis, int d, int h, int w) {
        return channels[axis][shape.index(d, h, w)];
    }

    /** Largest {@code |u|} over all voxels and channels, in voxels. */
    public double maxAbs() {
        double max = 0;
        for (float[] c : channels) {
            for (float v : c) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /**
     * The diffeomorphism {@code exp(v)} of this field read as a stationary velocity field, by scaling and squaring:
     * {@code u ← v / 2^n}, then {@code n} times {@code u(p) ← u(p) + u(p + u(p))}, reading {@code u} at
     * {@code p + u(p)} with the trilinear {@link VoxelSampler} (zero padding). The result is invertible when the
     * scaled field is small enough ({@code |∇u| < 1} after scaling), which {@code n} of 6 or 7 gives for smooth
     * fields of a few voxels.
     *
     * @param squarings {@code n}, at least 0 (0 returns this field)
     */
    public DisplacementField exponentiated(int squarings) {
        if (squarings < 0) {
            throw new IllegalArgumentException("squarings must be >= 0, got " + squarings);
        }
        float scale = (float) Math.pow(0.5, squarings);
        float[][] u = new float[3][];
        for (int c = 0; c < 3; c++) {
            u[c] = channels[c].clone();
            for (int i = 0; i < u[c].length; i++) {
                u[c][i] *= scale;
            }
        }
        for (int step = 0; step < squarings; step++) {
            u = composeWithItself(u);
        }
        return new DisplacementField(shape, u[0], u[1], u[2]);
    }

    private float[][] composeWithItself(float[][] u) {
        VoxelSampler[] samplers = new VoxelSampler[3];
        for (int c = 0; c < 3; c++) {
            samplers[c] = new VoxelSampler(Volume.adopt(shape, u[c], VolumeGeometry.unit()), Interpolation.LINEAR);
        }
        float[][] out = new float[3][shape.voxelCount()];
        IntStream.range(0, shape.depth()).parallel().forEach(d -> {
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++) {
                    int i = shape.index(d, h, w);
                    double qd = d + u[0][i];
                    double qh = h + u[1][i];
                    double qw = w + u[2][i];
                    for (int c = 0; c < 3; c++) {
                        out[c][i] = u[c][i] + samplers[c].sample(qd, qh, qw);
                    }
                }
            }
        });
        return out;
    }
}
