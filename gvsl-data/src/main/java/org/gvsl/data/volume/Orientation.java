package org.gvsl.data.volume;

/**
 * Which world direction each voxel-index axis points to, read from a voxel-to-world affine.
 *
 * <p>For index axis {@code a} ({@code 0 = i = W, 1 = j = H, 2 = k = D}), {@link #worldAxis(int)} is the world
 * axis ({@code 0 = x, 1 = y, 2 = z}) its column of the affine is closest to and {@link #sign(int)} whether it
 * points along (+1) or against (−1) it. The code is three letters in index order, as nibabel's
 * {@code aff2axcodes}: {@code R}/{@code L} for ±x, {@code A}/{@code P} for ±y, {@code S}/{@code I} for ±z. The
 * assignment is greedy on the largest normalised component, so every world axis is used once even for an
 * oblique affine.
 */
public final class Orientation {

    private static final char[][] LETTERS = {{'L', 'R'}, {'P', 'A'}, {'I', 'S'}};

    private final int[] worldAxis;
    private final int[] sign;

    private Orientation(int[] worldAxis, int[] sign) {
        this.worldAxis = worldAxis;
        this.sign = sign;
    }

    /** The orientation of the index axes of a 4×4 (or 3×3 and more) voxel-to-world affine. */
    public static Orientation of(double[][] affine) {
        double[][] weight = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(affine[0][c] * affine[0][c] + affine[1][c] * affine[1][c] + affine[2][c] * affine[2][c]);
            if (norm == 0) {
                throw new IllegalArgumentException("affine column " + c + " is zero: index axis " + c + " has no direction");
            }
            for (int r = 0; r < 3; r++) {
                weight[r][c] = affine[r][c] / norm;
            }
        }
        int[] worldAxis = {-1, -1, -1};
        int[] sign = new int[3];
        boolean[] worldUsed = new boolean[3];
        for (int step = 0; step < 3; step++) {
            int bestR = -1;
            int bestC = -1;
            double best = -1;
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 3; r++) {
                    if (worldAxis[c] < 0 && !worldUsed[r] && Math.abs(weight[r][c]) > best) {
                        best = Math.abs(weight[r][c]);
                        bestR = r;
                        bestC = c;
                    }
                }
            }
            worldAxis[bestC] = bestR;
            worldUsed[bestR] = true;
            sign[bestC] = weight[bestR][bestC] < 0 ? -1 : 1;
        }
        return new Orientation(worldAxis, sign);
    }

    /** World axis (0 = x, 1 = y, 2 = z) of index axis {@code a} (0 = i/W, 1 = j/H, 2 = k/D). */
    public int worldAxis(int a) {
        return worldAxis[a];
    }

    /** +1 if index axis {@code a} points along its world axis, −1 if against it. */
    public int sign(int a) {
        return sign[a];
    }

    /** Three letters for the index axes i, j, k (W, H, D), e.g. {@code RAS} or {@code LPS}. */
    public String code() {
        StringBuilder s = new StringBuilder(3);
        for (int a = 0; a < 3; a++) {
            s.append(LETTERS[worldAxis[a]][sign[a] > 0 ? 1 : 0]);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return code();
    }
}
