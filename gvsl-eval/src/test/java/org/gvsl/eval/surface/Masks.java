package org.gvsl.eval.surface;

import org.gvsl.data.volume.VolumeShape;

import java.util.Random;

/** Hand-made masks for the tests of the surface metrics (test fixture). */
public final class Masks {

    private Masks() {
    }

    /** The box {@code [d0, d1] × [h0, h1] × [w0, w1]} (inclusive) of a volume of {@code shape}. */
    public static boolean[] box(VolumeShape shape, int d0, int d1, int h0, int h1, int w0, int w1) {
        boolean[] mask = new boolean[shape.voxelCount()];
        for (int d = d0; d <= d1; d++) {
            for (int h = h0; h <= h1; h++) {
                for (int w = w0; w <= w1; w++) {
                    mask[shape.index(d, h, w)] = true;
                }
            }
        }
        return mask;
    }

    /**
     * The voxels with {@code ((d − cd)/rd)² + ((h − ch)/rh)² + ((w − cw)/rw)² ≤ 1}, computed in the same order of
     * operations as numpy's {@code ((d - cd) / rd) ** 2 + ...} so that both select the same voxels.
     */
    public static boolean[] ellipsoid(VolumeShape shape, double cd, double ch, double cw, double rd, double rh,
                                      double rw) {
        boolean[] mask = new boolean[shape.voxelCount()];
        for (int d = 0; d < shape.depth(); d++) {
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++) {
                    double a = (d - cd) / rd;
                    double b = (h - ch) / rh;
                    double c = (w - cw) / rw;
                    mask[shape.index(d, h, w)] = a * a + b * b + c * c <= 1;
                }
            }
        }
        return mask;
    }

    /** Each voxel true with probability {@code density}. */
    public static boolean[] random(VolumeShape shape, double density, Random random) {
        boolean[] mask = new boolean[shape.voxelCount()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < density;
        }
        return mask;
    }
}
