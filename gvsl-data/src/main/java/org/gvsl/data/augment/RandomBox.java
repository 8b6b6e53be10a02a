package org.gvsl.data.augment;

import org.gvsl.data.volume.VolumeShape;

import java.util.random.RandomGenerator;

/**
 * An axis-aligned box of voxels {@code [corner, corner + size)} per axis (D, H, W), as drawn by the painting
 * transforms; shared so that in- and out-painting draw boxes by one rule.
 */
record RandomBox(int[] corner, int[] size) {

    /** Distance the reference keeps between a painted box and the border, in voxels. */
    static final int MARGIN = 3;

    /**
     * Draws the corner of a box of the given sizes: per axis D, H, W, {@code rng.nextInt(3, S − size − 3)} as the
     * reference; where that range is empty (small volumes) the whole range {@code [0, S − size]} instead.
     */
    static RandomBox withSizes(int[] size, VolumeShape shape, RandomGenerator rng) {
        int[] corner = new int[3];
        for (int a = 0; a < 3; a++) {
            int s = shape.size(a);
            int lo = MARGIN;
            int hi = s - size[a] - MARGIN;
            if (hi <= lo) {
                lo = 0;
                hi = s - size[a] + 1;
            }
            corner[a] = rng.nextInt(lo, hi);
        }
        return new RandomBox(corner, size);
    }
}
