package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

/**
 * A box of a volume's grid to cut out: its first voxel {@code (d, h, w)} and its size. The box may reach past
 * the volume (negative start or beyond the end); those voxels are padding.
 *
 * @param d     first voxel along D (negative: padding before)
 * @param h     first voxel along H
 * @param w     first voxel along W
 * @param shape size of the result
 */
public record CropWindow(int d, int h, int w, VolumeShape shape) {

    /**
     * The box of {@code size} centred in a volume of {@code volume}: per axis {@code floor((S − s)/2)} voxels are cut
     * before when cropping, and {@code floor((s − S)/2)} padded before when padding (the rest after), as the
     * U-Net's input padding.
     */
    public static CropWindow centred(VolumeShape volume, VolumeShape size) {
        int[] start = new int[3];
        for (int a = 0; a < 3; a++) {
            int diff = volume.size(a) - size.size(a);
            start[a] = diff >= 0 ? diff / 2 : -((-diff) / 2);
        }
        return new CropWindow(start[0], start[1], start[2], size);
    }

    /** The box cut out of {@code volume}, zero outside it; the geometry moves with the box. */
    public Volume extract(Volume volume) {
        return extract(volume, 0f);
    }

    /** The box cut out of {@code volume}, {@code padValue} outside it. */
    public Volume extract(Volume volume, float padValue) {
        VolumeShape in = volume.shape();
        float[] out = new float[shape.voxelCount()];
        int i = 0;
        for (int od = 0; od < shape.depth(); od++) {
            int sd = d + od;
            for (int oh = 0; oh < shape.height(); oh++) {
                int sh = h + oh;
                boolean rowInside = sd >= 0 && sd < in.depth() && sh >= 0 && sh < in.height();
                for (int ow = 0; ow < shape.width(); ow++, i++) {
                    int sw = w + ow;
                    out[i] = rowInside && sw >= 0 && sw < in.width() ? volume.get(in.index(sd, sh, sw)) : padValue;
                }
            }
        }
        return Volume.adopt(shape, out, volume.geometry().shifted(d, h, w));
    }
}
