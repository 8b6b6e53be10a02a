package org.gvsl.data.augment;

import java.util.Arrays;

/**
 * A 3-D affine map in align-corners normalised coordinates: {@code n' = M·n + t}, acting on {@code (x, y, z) =
 * (n_W, n_H, n_D)} (method.md §0), where {@code n = 2·i/(S−1) − 1} along an axis of {@code S} voxels.
 *
 * <p>It is a backward map: the output voxel at {@code n} reads the input at {@code n'}. {@link #compose} builds
 * {@code M = Sh·S·Rz·Ry·Rx} as the reference and the model's affine head do, with {@code Rx = [[1,0,0],[0,c,−s],
 * [0,s,c]]}, {@code Ry = [[c,0,s],[0,1,0],[−s,0,c]]}, {@code Rz = [[c,−s,0],[s,c,0],[0,0,1]]}, {@code S =
 * diag(sx, sy, sz)} and {@code Sh = [[1, tan φxy, tan φxz], [tan φyx, 1, tan φyz], [tan φzx, tan φzy, 1]]}.
 * Translation is in normalised units (1 unit = {@code (S−1)/2} voxels).
 */
public final class AffineParameters {

    private final double[][] m;
    private final double[] t;

    /**
     * @param matrix      3×3 {@code M} on {@code (x, y, z)}
     * @param translation {@code t = (tx, ty, tz)}, normalised units
     */
    public AffineParameters(double[][] matrix, double[] translation) {
        if (matrix.length != 3 || Arrays.stream(matrix).anyMatch(r -> r.length != 3) || translation.length != 3) {
            throw new IllegalArgumentException("an affine needs a 3x3 matrix and 3 translations, got "
                    + Arrays.deepToString(matrix) + " / " + Arrays.toString(translation));
        }
        this.m = new double[][] {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
        this.t = translation.clone();
    }

    /** {@code M = I, t = 0}. */
    public static AffineParameters identity() {
        return new AffineParameters(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[3]);
    }

    /**
     * {@code M = Sh·S·Rz·Ry·Rx} and {@code t}.
     *
     * @param rotation    angles about x, y, z in radians
     * @param scale       sx, sy, sz
     * @param shear       shear angles φxy, φxz, φyx, φyz, φzx, φzy in radians (the matrix holds their tangents)
     * @param translation tx, ty, tz in normalised units
     */
    public static AffineParameters compose(double[] rotation, double[] scale, double[] shear, double[] translation) {
        if (rotation.length != 3 || scale.length != 3 || shear.length != 6 || translation.length != 3) {
            throw new IllegalArgumentException("compose needs 3 rotations, 3 scales, 6 shears and 3 translations, got "
                    + rotation.length + ", " + scale.length + ", " + shear.length + ", " + translation.length);
        }
        double cx = Math.cos(rotation[0]);
        double sx = Math.sin(rotation[0]);
        double cy = Math.cos(rotation[1]);
        double sy = Math.sin(rotation[1]);
        double cz = Math.cos(rotation[2]);
        double sz = Math.sin(rotation[2]);
        double[][] rx = {{1, 0, 0}, {0, cx, -sx}, {0, sx, cx}};
        double[][] ry = {{cy, 0, sy}, {0, 1, 0}, {-sy, 0, cy}};
        double[][] rz = {{cz, -sz, 0}, {sz, cz, 0}, {0, 0, 1}};
        double[][] s = {{scale[0], 0, 0}, {0, scale[1], 0}, {0, 0, scale[2]}};
        double[][] sh = {
            {1, Math.tan(shear[0]), Math.tan(shear[1])},
            {Math.tan(shear[2]), 1, Math.tan(shear[3])},
            {Math.tan(shear[4]), Math.tan(shear[5]), 1}};
        return new AffineParameters(multiply(sh, multiply(s, multiply(rz, multiply(ry, rx)))), translation);
    }

    /** {@code M} (a copy). */
    public double[][] matrix() {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }

    /** {@code t} (a copy). */
    public double[] translation() {
        return t.clone();
    }

    @Override
    public String toString() {
        return "AffineParameters[M=" + Arrays.deepToString(m) + ", t=" + Arrays.toString(t) + "]";
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return c;
    }
}
