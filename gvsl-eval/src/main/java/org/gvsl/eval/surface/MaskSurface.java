package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;

/**
 * The surface of a binary mask: its voxels with at least one of their 6 face neighbours outside the mask, where a
 * neighbour beyond the volume counts as outside (so a mask touching the border has its border voxels on the
 * surface). This is MONAI's {@code get_mask_edges} (the mask minus its erosion by the 6-connected cross with
 * zero border). A non-empty mask always has a non-empty surface.
 */
public final class MaskSurface {

    private MaskSurface() {
    }

    /**
     * The surface voxels of {@code mask}.
     *
     * @param mask  one flag per voxel, C order over {@code shape}
     * @param shape {@code [D, H, W]}
     * @return a new array, true on the surface voxels
     * @throws IllegalArgumentException when the mask's length is not the shape's voxel count
     */
    public static boolean[] of(boolean[] mask, VolumeShape shape) {
        requireLength(mask, shape, "mask");
        int depth = shape.depth();
        int height = shape.height();
        int width = shape.width();
        int plane = height * width;
        boolean[] surface = new boolean[mask.length];
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                int row = d * plane + h * width;
                for (int w = 0; w < width; w++) {
                    int i = row + w;
                    surface[i] = mask[i] && (d == 0 || !mask[i - plane] || d == depth - 1 || !mask[i + plane]
                            || h == 0 || !mask[i - width] || h == height - 1 || !mask[i + width]
                            || w == 0 || !mask[i - 1] || w == width - 1 || !mask[i + 1]);
                }
            }
        }
        return surface;
    }

    static void requireLength(boolean[] mask, VolumeShape shape, String what) {
        if (mask.length != shape.voxelCount()) {
            throw new IllegalArgumentException(what + " has " + mask.length + " voxels, shape " + shape + " needs "
                    + shape.voxelCount());
        }
    }
}
