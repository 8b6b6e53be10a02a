package org.gvsl.data.volume;

/**
 * Reads a volume at a fractional voxel position: the one sampler behind resampling, the spatial augmentation,
 * field composition and the synthetic and atlas cohorts.
 *
 * <p>A position {@code q = (d, h, w)} is in voxels of the sampled volume (voxel centres at integers). With
 * {@link Interpolation#LINEAR} the value is {@code Σ w_c · v(c)} over the 8 integer corners {@code c} around
 * {@code q} with trilinear weights {@code w_c = Π_axis (1 − |q_axis − c_axis|)}; with
 * {@link Interpolation#NEAREST} it is {@code v(rint(q))}. A corner (or nearest voxel) outside the volume
 * contributes 0: <b>zero padding</b>, so the value fades to 0 over the last voxel past the border (method.md §3,
 * PyTorch {@code grid_sample(padding_mode='zeros', align_corners=True)}). A position on a voxel centre returns
 * that voxel exactly. Callers that want border (clamp) behaviour clamp {@code q} to {@code [0, S−1]} first.
 *
 * <p>Instances only read the volume and are safe to share between threads.
 */
public final class VoxelSampler {

    private final float[] v;
    private final int depth;
    private final int height;
    private final int width;
    private final Interpolation interpolation;

    /** A sampler of {@code volume}. */
    public VoxelSampler(Volume volume, Interpolation interpolation) {
        this.v = volume.voxels;
        this.depth = volume.shape().depth();
        this.height = volume.shape().height();
        this.width = volume.shape().width();
        this.interpolation = interpolation;
    }

    /** The value at voxel position {@code (d, h, w)}; 0 where the position is outside (see the class comment). */
    public float sample(double d, double h, double w) {
        return interpolation == Interpolation.LINEAR ? linear(d, h, w) : nearest(d, h, w);
    }

    private float nearest(double d, double h, double w) {
        double rd = Math.rint(d);
        double rh = Math.rint(h);
        double rw = Math.rint(w);
        // Compare as doubles: a cast of a huge or NaN position to int would wrap into range.
        if (!(rd >= 0 && rd < depth && rh >= 0 && rh < height && rw >= 0 && rw < width)) {
            return 0f;
        }
        return v[((int) rd * height + (int) rh) * width + (int) rw];
    }

    private float linear(double d, double h, double w) {
        if (!(d > -1 && d < depth && h > -1 && h < height && w > -1 && w < width)) {
            return 0f; // every corner is outside (also catches NaN)
        }
        int d0 = (int) Math.floor(d);
        int h0 = (int) Math.floor(h);
        int w0 = (int) Math.floor(w);
        double fd = d - d0;
        double fh = h - h0;
        double fw = w - w0;
        if (d0 >= 0 && d0 + 1 < depth && h0 >= 0 && h0 + 1 < height && w0 >= 0 && w0 + 1 < width) {
            int i = (d0 * height + h0) * width + w0;
            int plane = height * width;
            double c00 = v[i] + fw * (v[i + 1] - v[i]);
            double c01 = v[i + width] + fw * (v[i + width + 1] - v[i + width]);
            double c10 = v[i + plane] + fw * (v[i + plane + 1] - v[i + plane]);
            double c11 = v[i + plane + width] + fw * (v[i + plane + width + 1] - v[i + plane + width]);
            double c0 = c00 + fh * (c01 - c00);
            double c1 = c10 + fh * (c11 - c10);
            return (float) (c0 + fd * (c1 - c0));
        }
        // Border: add the corners that exist, each with its weight (the others are the zero padding).
        double sum = 0;
        for (int cd = 0; cd < 2; cd++) {
            int dd = d0 + cd;
            if (dd < 0 || dd >= depth) {
                continue;
            }
            double wd = cd == 0 ? 1 - fd : fd;
            for (int ch = 0; ch < 2; ch++) {
                int hh = h0 + ch;
                if (hh < 0 || hh >= height) {
                    continue;
                }
                double wh = ch == 0 ? 1 - fh : fh;
                for (int cw = 0; cw < 2; cw++) {
                    int ww = w0 + cw;
                    if (ww < 0 || ww >= width) {
                        continue;
                    }
                    sum += wd * wh * (cw == 0 ? 1 - fw : fw) * v[(dd * height + hh) * width + ww];
                }
            }
        }
        return (float) sum;
    }
}
