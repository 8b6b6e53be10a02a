package org.gvsl.data.volume;

import java.util.Arrays;

/**
 * A 3-D scalar volume: {@code float} voxels in C order over {@code [D, H, W]}, with its geometry.
 *
 * <p>Voxel {@code (d, h, w)} is element {@code (d·H + h)·W + w}; {@code (d, h, w) = (k, j, i)} of a NIfTI file.
 * Intensity units are whatever the source holds (HU for CT before normalisation, [0, 1] after); a label map is a
 * volume of small non-negative integers (exact in {@code float} up to 2²⁴).
 *
 * <p>A volume is immutable: the constructor copies the array and {@link #toArray()} returns a copy. Code that
 * builds a new volume can hand over its array without a copy through {@link #adopt}, and must not touch the
 * array afterwards.
 */
public final class Volume {

    private final VolumeShape shape;
    private final VolumeGeometry geometry;
    /** Package-private so that {@link VoxelSampler} reads it without a copy. */
    final float[] voxels;

    private Volume(VolumeShape shape, float[] voxels, VolumeGeometry geometry, boolean copy) {
        if (voxels.length != shape.voxelCount()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.voxelCount() + " voxels, got "
                    + voxels.length);
        }
        this.shape = shape;
        this.geometry = geometry;
        this.voxels = copy ? voxels.clone() : voxels;
    }

    /** A volume holding a copy of {@code voxels} (C order over {@code shape}). */
    public Volume(VolumeShape shape, float[] voxels, VolumeGeometry geometry) {
        this(shape, voxels, geometry, true);
    }

    /**
     * A volume that takes ownership of {@code voxels} without copying: the caller must not modify the array
     * afterwards. For code that has just filled a new array (every transform of this module).
     */
    public static Volume adopt(VolumeShape shape, float[] voxels, VolumeGeometry geometry) {
        return new Volume(shape, voxels, geometry, false);
    }

    /** A volume of zeros. */
    public static Volume zeros(VolumeShape shape, VolumeGeometry geometry) {
        return adopt(shape, new float[shape.voxelCount()], geometry);
    }

    /** The same geometry and shape with other voxels, adopted as by {@link #adopt}. */
    public Volume withVoxels(float[] newVoxels) {
        return new Volume(shape, newVoxels, geometry, false);
    }

    /** The same voxels (shared: both are immutable) placed by another geometry of the same grid. */
    public Volume withGeometry(VolumeGeometry newGeometry) {
        return new Volume(shape, voxels, newGeometry, false);
    }

    /**
     * The same image with its axes permuted and/or reversed: new axis {@code n} (0 = D, 1 = H, 2 = W) runs along
     * old axis {@code oldAxisOf[n]}, backwards if {@code reverse[n]}. The geometry is updated so that every voxel
     * keeps its world position (so this is a re-indexing, not a change of the image in the world).
     */
    public Volume reindexed(int[] oldAxisOf, boolean[] reverse) {
        if (oldAxisOf.length != 3 || reverse.length != 3 || oldAxisOf[0] == oldAxisOf[1] || oldAxisOf[0] == oldAxisOf[2]
                || oldAxisOf[1] == oldAxisOf[2] || Math.min(oldAxisOf[0], Math.min(oldAxisOf[1], oldAxisOf[2])) < 0
                || Math.max(oldAxisOf[0], Math.max(oldAxisOf[1], oldAxisOf[2])) > 2) {
            throw new IllegalArgumentException("oldAxisOf must be a permutation of {0, 1, 2} and reverse 3 flags, got "
                    + Arrays.toString(oldAxisOf) + " / " + Arrays.toString(reverse));
        }
        int[] oldSize = shape.toArray();
        int[] oldStride = {shape.height() * shape.width(), shape.width(), 1};
        int[] newSize = new int[3];
        int[] step = new int[3];
        int base = 0;
        double[] oldSpacing = geometry.spacing();
        double[] newSpacing = new double[3];
        // newToOld on index vectors (w, h, d, 1): index-vector position of axis a (0 = D) is 2 - a.
        double[][] newToOld = new double[4][4];
        newToOld[3][3] = 1;
        for (int n = 0; n < 3; n++) {
            int o = oldAxisOf[n];
            newSize[n] = oldSize[o];
            newSpacing[n] = oldSpacing[o];
            step[n] = reverse[n] ? -oldStride[o] : oldStride[o];
            newToOld[2 - o][2 - n] = reverse[n] ? -1 : 1;
            if (reverse[n]) {
                base += (oldSize[o] - 1) * oldStride[o];
                newToOld[2 - o][3] = oldSize[o] - 1;
            }
        }
        VolumeShape newShape = VolumeShape.of(newSize);
        float[] out = new float[voxels.length];
        int i = 0;
        for (int d = 0; d < newSize[0]; d++) {
            for (int h = 0; h < newSize[1]; h++) {
                int src = base + d * step[0] + h * step[1];
                for (int w = 0; w < newSize[2]; w++, src += step[2]) {
                    out[i++] = voxels[src];
                }
            }
        }
        return adopt(newShape, out, geometry.remapped(newToOld, newSpacing));
    }

    /** The size {@code [D, H, W]}. */
    public VolumeShape shape() {
        return shape;
    }

    /** Spacing and voxel-to-world affine. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Voxel {@code (d, h, w)}. */
    public float get(int d, int h, int w) {
        if (!shape.contains(d, h, w)) {
            throw new IndexOutOfBoundsException("voxel (" + d + ", " + h + ", " + w + ") outside volume " + shape);
        }
        return voxels[shape.index(d, h, w)];
    }

    /** Voxel at flat C-order index {@code i}. */
    public float get(int i) {
        return voxels[i];
    }

    /** A copy of the voxels in C order. */
    public float[] toArray() {
        return voxels.clone();
    }

    /** Copies the voxels (C order) into {@code target} starting at {@code offset}; for batching without a copy. */
    public void copyTo(float[] target, int offset) {
        System.arraycopy(voxels, 0, target, offset, voxels.length);
    }

    /** Smallest and largest voxel value, NaN ignored ({@code [NaN, NaN]} if every voxel is NaN). */
    public double[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : voxels) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /** Equal shape, geometry and voxels (bitwise, so NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Volume v && shape.equals(v.shape) && geometry.equals(v.geometry)
                && Arrays.equals(voxels, v.voxels);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(voxels);
    }

    /** Shape and geometry (not the voxels). */
    @Override
    public String toString() {
        return "Volume" + shape + " " + geometry;
    }
}
