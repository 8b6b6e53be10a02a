package org.gvsl.data.volume;

/**
 * The size of a volume, {@code [D, H, W]} in voxels.
 *
 * @param depth  D, the slowest axis (NIfTI {@code k}, {@code dim[3]})
 * @param height H (NIfTI {@code j}, {@code dim[2]})
 * @param width  W, the fastest axis (NIfTI {@code i}, {@code dim[1]})
 */
public record VolumeShape(int depth, int height, int width) {

    /** Validates that every axis is at least one voxel and that the volume has fewer than 2³¹ voxels. */
    public VolumeShape {
        if (depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("volume shape must be positive on every axis, got " + text(depth, height, width));
        }
        if ((long) depth * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("volume shape " + text(depth, height, width) + " has more than 2^31-1 voxels");
        }
    }

    /** A cube of side {@code size}. */
    public static VolumeShape cube(int size) {
        return new VolumeShape(size, size, size);
    }

    /** The shape from {@code {D, H, W}}. */
    public static VolumeShape of(int[] dhw) {
        if (dhw.length != 3) {
            throw new IllegalArgumentException("a volume shape has 3 axes [D, H, W], got " + dhw.length + " values");
        }
        return new VolumeShape(dhw[0], dhw[1], dhw[2]);
    }

    /** Number of voxels {@code D·H·W}. */
    public int voxelCount() {
        return depth * height * width;
    }

    /** Size of one axis: 0 = D, 1 = H, 2 = W. */
    public int size(int axis) {
        return switch (axis) {
            case 0 -> depth;
            case 1 -> height;
            case 2 -> width;
            default -> throw new IllegalArgumentException("axis must be 0 (D), 1 (H) or 2 (W), got " + axis);
        };
    }

    /** {@code {D, H, W}}. */
    public int[] toArray() {
        return new int[] {depth, height, width};
    }

    /** Flat C-order index of voxel {@code (d, h, w)}: {@code (d·H + h)·W + w}. No bounds check. */
    public int index(int d, int h, int w) {
        return (d * height + h) * width + w;
    }

    /** Whether {@code (d, h, w)} lies inside the volume. */
    public boolean contains(int d, int h, int w) {
        return d >= 0 && d < depth && h >= 0 && h < height && w >= 0 && w < width;
    }

    /** {@code [D, H, W]}. */
    @Override
    public String toString() {
        return text(depth, height, width);
    }

    private static String text(int d, int h, int w) {
        return "[" + d + ", " + h + ", " + w + "]";
    }
}
