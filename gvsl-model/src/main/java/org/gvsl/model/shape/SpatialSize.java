package org.gvsl.model.shape;

/**
 * The spatial size {@code (D, H, W)} of a volume tensor {@code [N, C, D, H, W]}, in voxels.
 *
 * @param d depth (slices)
 * @param h height (rows)
 * @param w width (columns)
 */
public record SpatialSize(int d, int h, int w) {

    public SpatialSize {
        if (d < 1 || h < 1 || w < 1) {
            throw new IllegalArgumentException("spatial size must be positive, got " + d + "×" + h + "×" + w);
        }
    }

    /** A cube of side {@code s}. */
    public static SpatialSize cube(int s) {
        return new SpatialSize(s, s, s);
    }

    /** The spatial part of a 5-D shape {@code [N, C, D, H, W]}. */
    public static SpatialSize of(long[] shape) {
        if (shape.length != 5) {
            throw new IllegalArgumentException("expected a shape [N, C, D, H, W], got " + java.util.Arrays.toString(shape));
        }
        return new SpatialSize(Math.toIntExact(shape[2]), Math.toIntExact(shape[3]), Math.toIntExact(shape[4]));
    }

    /** Size along axis 0 (D), 1 (H) or 2 (W). */
    public int axis(int i) {
        return switch (i) {
            case 0 -> d;
            case 1 -> h;
            case 2 -> w;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + i);
        };
    }

    public long voxels() {
        return (long) d * h * w;
    }

    /** {@code [n, c, d, h, w]}. */
    public long[] shape(long n, long c) {
        return new long[] {n, c, d, h, w};
    }

    /**
     * Rejects an axis of size 1, for operations that use the align-corners normalisation {@code 2i/(S−1) − 1}.
     *
     * @param what the operation, for the message
     */
    public void requireNoUnitAxis(String what) {
        if (d < 2 || h < 2 || w < 2) {
            throw new IllegalArgumentException(what + " needs every spatial axis ≥ 2 (align-corners normalisation"
                    + " divides by S−1), got D×H×W = " + this);
        }
    }

    @Override
    public String toString() {
        return d + "×" + h + "×" + w;
    }
}
