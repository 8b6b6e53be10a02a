package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Orientation;
import org.gvsl.data.volume.Volume;

/**
 * Reorients a volume to the canonical RAS orientation by permuting and reversing axes (no interpolation).
 *
 * <p>After it, the index axes point as closely as the affine allows to the world axes: {@code W} (i) to the
 * Right, {@code H} (j) Anterior, {@code D} (k) Superior, i.e. {@link Orientation#code()} is {@code RAS}, as
 * nibabel's {@code as_closest_canonical}. The affine is updated so that every voxel keeps its world position; an
 * oblique affine stays oblique (only the closest axis assignment is used). Labels are moved the same way.
 */
public final class Reorientation {

    private Reorientation() {
    }

    /** The volume in RAS orientation; the input itself if it already is. */
    public static Volume toCanonical(Volume volume) {
        Orientation orientation = Orientation.of(volume.geometry().affine());
        if (orientation.code().equals("RAS")) {
            return volume;
        }
        int[] oldAxisOf = new int[3];
        boolean[] reverse = new boolean[3];
        for (int n = 0; n < 3; n++) {
            int world = 2 - n; // new D runs along z, H along y, W along x
            for (int a = 0; a < 3; a++) {
                if (orientation.worldAxis(a) == world) {
                    oldAxisOf[n] = 2 - a; // index axis a (i, j, k) is array axis 2 - a (W, H, D)
                    reverse[n] = orientation.sign(a) < 0;
                }
            }
        }
        return volume.reindexed(oldAxisOf, reverse);
    }
}
