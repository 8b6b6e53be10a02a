package org.gvsl.data.volume;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a volume's voxels are in the world: the voxel spacing and the voxel-to-world affine.
 *
 * <p>The affine is a 4×4 matrix {@code A} that maps the file's voxel index {@code (i, j, k, 1) = (w, h, d, 1)}
 * (note the order: {@code i} is the W axis) to world coordinates {@code (x, y, z, 1)} in mm, with NIfTI's RAS+
 * convention (x to the Right, y Anterior, z Superior). The spacing is given in array order {@code (D, H, W)},
 * in mm. Instances are immutable.
 */
public final class VolumeGeometry {

    private final double[] spacing;
    private final double[][] affine;

    /**
     * A geometry from its parts.
     *
     * @param spacingDhw voxel size along D, H, W in mm, each finite and positive
     * @param affine     4×4 voxel-index-to-world matrix (index order (w, h, d)), finite, last row {@code 0 0 0 1}
     */
    public VolumeGeometry(double[] spacingDhw, double[][] affine) {
        if (spacingDhw.length != 3) {
            throw new IllegalArgumentException("spacing needs 3 values (D, H, W), got " + Arrays.toString(spacingDhw));
        }
        for (double s : spacingDhw) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("spacing must be finite and positive, got " + Arrays.toString(spacingDhw));
            }
        }
        if (affine.length != 4) {
            throw new IllegalArgumentException("affine must be 4x4, got " + affine.length + " rows");
        }
        for (int r = 0; r < 4; r++) {
            if (affine[r].length != 4) {
                throw new IllegalArgumentException("affine must be 4x4, row " + r + " has " + affine[r].length + " values");
            }
            for (double v : affine[r]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("affine has a non-finite value: " + Arrays.deepToString(affine));
                }
            }
        }
        if (affine[3][0] != 0 || affine[3][1] != 0 || affine[3][2] != 0 || affine[3][3] != 1) {
            throw new IllegalArgumentException("affine's last row must be 0 0 0 1, got " + Arrays.toString(affine[3]));
        }
        this.spacing = spacingDhw.clone();
        this.affine = copy(affine);
    }

    /** Axis-aligned geometry: {@code x = w·sw, y = h·sh, z = d·sd}, origin at voxel 0 (RAS orientation). */
    public static VolumeGeometry ofSpacing(double sd, double sh, double sw) {
        return new VolumeGeometry(new double[] {sd, sh, sw},
                new double[][] {{sw, 0, 0, 0}, {0, sh, 0, 0}, {0, 0, sd, 0}, {0, 0, 0, 1}});
    }

    /** One-millimetre isotropic, axis-aligned geometry. */
    public static VolumeGeometry unit() {
        return ofSpacing(1, 1, 1);
    }

    /** Voxel spacing {@code (D, H, W)} in mm (a copy). */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Voxel spacing of one axis in mm: 0 = D, 1 = H, 2 = W. */
    public double spacing(int axis) {
        return spacing[axis];
    }

    /** The 4×4 voxel-index-to-world affine (a copy); columns 0, 1, 2 belong to W, H, D. */
    public double[][] affine() {
        return copy(affine);
    }

    /** World position in mm of the (possibly fractional) voxel {@code (d, h, w)}. */
    public double[] worldOf(double d, double h, double w) {
        double[] p = new double[3];
        for (int r = 0; r < 3; r++) {
            p[r] = affine[r][0] * w + affine[r][1] * h + affine[r][2] * d + affine[r][3];
        }
        return p;
    }

    /** Orientation code of the index axes (i, j, k) = (W, H, D), e.g. {@code RAS}; see {@link Orientation}. */
    public String orientation() {
        return Orientation.of(affine).code();
    }

    /**
     * The geometry of a new grid whose voxel index maps into this grid's index by {@code newToOld}.
     *
     * <p>{@code newToOld} is a 4×4 matrix on index vectors {@code (w, h, d, 1)}: the new voxel {@code n} lies where
     * this grid's voxel {@code newToOld·n} lies. The new affine is {@code A·newToOld}. Crops, resampling and
     * reorientation are all expressed this way.
     *
     * @param newToOld   4×4 index map, last row {@code 0 0 0 1}
     * @param newSpacing the new grid's spacing {@code (D, H, W)} in mm
     */
    public VolumeGeometry remapped(double[][] newToOld, double[] newSpacing) {
        double[][] result = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += affine[r][k] * newToOld[k][c];
                }
                result[r][c] = s;
            }
        }
        return new VolumeGeometry(newSpacing, result);
    }

    /** The geometry of a sub-grid starting at voxel {@code (d0, h0, w0)} of this one (negative = padding). */
    public VolumeGeometry shifted(int d0, int h0, int w0) {
        return remapped(new double[][] {{1, 0, 0, w0}, {0, 1, 0, h0}, {0, 0, 1, d0}, {0, 0, 0, 1}}, spacing);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeGeometry g && Arrays.equals(spacing, g.spacing) && Arrays.deepEquals(affine, g.affine);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(spacing) + Arrays.deepHashCode(affine);
    }

    /** Spacing, orientation and origin, e.g. {@code spacing (1.0, 1.0, 1.0) mm RAS origin (-90.0, -126.0, -72.0)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "spacing (%s) mm %s origin (%.2f, %.2f, %.2f)", formatSpacing(), orientation(),
                affine[0][3], affine[1][3], affine[2][3]);
    }

    /** Spacing as {@code d, h, w} with up to 4 significant decimals. */
    public String formatSpacing() {
        return String.format(Locale.ROOT, "%.4g, %.4g, %.4g", spacing[0], spacing[1], spacing[2]);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
