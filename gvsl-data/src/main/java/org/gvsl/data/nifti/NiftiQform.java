package org.gvsl.data.nifti;

import java.util.Optional;

/**
 * The NIfTI qform ("method 2" of {@code nifti1.h}): a rotation stored as the quaternion {@code (b, c, d)}, the
 * handedness {@code qfac} and, with the voxel sizes and {@code qoffset}, the voxel-to-world affine.
 *
 * <p>From the header to the affine, as the NIfTI-1 standard and {@code nifti1_io}'s {@code quatern_to_mat44}:
 * <pre>
 *   a = √(1 − b² − c² − d²)       (if 1 − b² − c² − d² &lt; 1e-7: a = 0 and (b, c, d) scaled to unit length)
 *
 *       [ a²+b²−c²−d²   2(bc−ad)      2(bd+ac)    ]
 *   R = [ 2(bc+ad)      a²+c²−b²−d²   2(cd−ab)    ]
 *       [ 2(bd−ac)      2(cd+ab)      a²+d²−c²−b² ]
 *
 *   [x, y, z]ᵀ = R · [i·dx, j·dy, k·qfac·dz]ᵀ + [qoffset_x, qoffset_y, qoffset_z]ᵀ
 * </pre>
 * with {@code (dx, dy, dz) = |pixdim[1..3]|} and {@code qfac = pixdim[0]} (−1 if negative, else 1: the standard
 * reads 0 as 1). {@code (i, j, k)} is the voxel index, {@code (x, y, z)} millimetres.
 *
 * <p>Back, from an affine (as {@code nifti1_io}'s {@code mat44_to_quatern}): the affine's 3×3 columns divided by
 * their lengths must be orthogonal (else there is no qform; the sform alone holds a sheared affine); if that
 * matrix has a negative determinant, {@code qfac = −1} and its third column is negated, which leaves a proper
 * rotation {@code R}; then, with {@code a ≥ 0},
 * <pre>
 *   a = ½√(1 + r₁₁ + r₂₂ + r₃₃),  b = (r₃₂ − r₂₃) / 4a,  c = (r₁₃ − r₃₁) / 4a,  d = (r₂₁ − r₁₂) / 4a
 * </pre>
 * and where the trace is too small for that ({@code 1 + trace ≤ 0.5}) the largest of {@code b, c, d} is taken
 * from the diagonal first and the others from the off-diagonal sums, the sign fixed so that {@code a ≥ 0}.
 *
 * @param b    {@code quatern_b}
 * @param c    {@code quatern_c}
 * @param d    {@code quatern_d}
 * @param qfac {@code pixdim[0]} as the standard reads it: 1 or −1
 */
record NiftiQform(double b, double c, double d, double qfac) {

    /** Largest |cosine| between two unit columns that still counts as orthogonal. */
    private static final double ORTHOGONAL = 1e-6;

    /** The identity: no rotation, right-handed. */
    static final NiftiQform IDENTITY = new NiftiQform(0, 0, 0, 1);

    /** The rotation {@code R} of the class comment. */
    double[][] rotation() {
        double bb = b;
        double cc = c;
        double dd = d;
        double a = 1.0 - (bb * bb + cc * cc + dd * dd);
        if (a < 1e-7) {
            double s = 1.0 / Math.sqrt(bb * bb + cc * cc + dd * dd);
            bb *= s;
            cc *= s;
            dd *= s;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        return new double[][] {
            {a * a + bb * bb - cc * cc - dd * dd, 2 * (bb * cc - a * dd), 2 * (bb * dd + a * cc)},
            {2 * (bb * cc + a * dd), a * a + cc * cc - bb * bb - dd * dd, 2 * (cc * dd - a * bb)},
            {2 * (bb * dd - a * cc), 2 * (cc * dd + a * bb), a * a + dd * dd - cc * cc - bb * bb}};
    }

    /**
     * The 4×4 voxel-index to world (mm) affine {@code [R · diag(dx, dy, qfac·dz) | qoffset]}.
     *
     * @param voxelSize {@code (dx, dy, dz)}, positive
     * @param offset    {@code (qoffset_x, qoffset_y, qoffset_z)}
     */
    double[][] affine(double[] voxelSize, double[] offset) {
        double[][] r = rotation();
        double[] scale = {voxelSize[0], voxelSize[1], qfac * voxelSize[2]};
        double[][] a = new double[4][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                a[row][col] = r[row][col] * scale[col];
            }
            a[row][3] = offset[row];
        }
        a[3][3] = 1;
        return a;
    }

    /** The qform of a proper rotation matrix (determinant +1): its quaternion with {@code a ≥ 0} and qfac 1. */
    static NiftiQform ofRotation(double[][] r) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double qb;
        double qc;
        double qd;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            qb = 0.25 * (r[2][1] - r[1][2]) / a;
            qc = 0.25 * (r[0][2] - r[2][0]) / a;
            qd = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                qb = 0.5 * Math.sqrt(xd);
                qc = 0.25 * (r[0][1] + r[1][0]) / qb;
                qd = 0.25 * (r[0][2] + r[2][0]) / qb;
                a = 0.25 * (r[2][1] - r[1][2]) / qb;
            } else if (yd > 1) {
                qc = 0.5 * Math.sqrt(yd);
                qb = 0.25 * (r[0][1] + r[1][0]) / qc;
                qd = 0.25 * (r[1][2] + r[2][1]) / qc;
                a = 0.25 * (r[0][2] - r[2][0]) / qc;
            } else {
                qd = 0.5 * Math.sqrt(zd);
                qb = 0.25 * (r[0][2] + r[2][0]) / qd;
                qc = 0.25 * (r[1][2] + r[2][1]) / qd;
                a = 0.25 * (r[1][0] - r[0][1]) / qd;
            }
            if (a < 0) {
                qb = -qb;
                qc = -qc;
                qd = -qd;
            }
        }
        return new NiftiQform(qb, qc, qd, 1);
    }

    /**
     * The qform of a 4×4 affine whose 3×3 columns are orthogonal (its rotation and handedness; the voxel sizes and
     * offset are stored apart), or empty if they are not.
     */
    static Optional<NiftiQform> ofAffine(double[][] affine) {
        double[][] r = new double[3][3];
        for (int col = 0; col < 3; col++) {
            double norm = Math.sqrt(affine[0][col] * affine[0][col] + affine[1][col] * affine[1][col]
                    + affine[2][col] * affine[2][col]);
            for (int row = 0; row < 3; row++) {
                r[row][col] = affine[row][col] / norm;
            }
        }
        for (int c1 = 0; c1 < 3; c1++) {
            for (int c2 = c1 + 1; c2 < 3; c2++) {
                double dot = r[0][c1] * r[0][c2] + r[1][c1] * r[1][c2] + r[2][c1] * r[2][c2];
                if (Math.abs(dot) > ORTHOGONAL) {
                    return Optional.empty();
                }
            }
        }
        if (determinant(r) >= 0) {
            return Optional.of(ofRotation(r));
        }
        for (int row = 0; row < 3; row++) {
            r[row][2] = -r[row][2];
        }
        NiftiQform proper = ofRotation(r);
        return Optional.of(new NiftiQform(proper.b, proper.c, proper.d, -1));
    }

    /** Determinant of the upper-left 3×3 block of a 3×3 or 4×4 matrix. */
    static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
