package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.data.volume.VoxelSampler;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Resamples a volume to a target voxel spacing: trilinear for images, nearest for label maps.
 *
 * <p>Along an axis of {@code S} voxels with spacing {@code s}, the target spacing {@code s'} gives
 * {@code S' = max(1, round(S·s/s'))} voxels, and new voxel {@code n} reads the old grid at voxel position
 * {@code n·s'/s} (the first voxel centres coincide; the world origin is kept), clamped to {@code [0, S−1]} so
 * that the last new voxels repeat the border instead of fading into zero padding. The affine's columns are
 * scaled by {@code s'/s}. Sampling is {@link VoxelSampler}, the one shared sampler.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * @param volume        the volume
     * @param targetSpacing the new spacing {@code (D, H, W)} in mm, each finite and positive
     * @param interpolation {@code LINEAR} for images, {@code NEAREST} for label maps
     * @return the resampled volume; the input itself when the spacing already matches
     */
    public static Volume resample(Volume volume, double[] targetSpacing, Interpolation interpolation) {
        if (targetSpacing.length != 3 || Arrays.stream(targetSpacing).anyMatch(s -> !(s > 0) || !Double.isFinite(s))) {
            throw new IllegalArgumentException("target spacing must be 3 finite positive values (D, H, W) in mm, got "
                    + Arrays.toString(targetSpacing));
        }
        double[] spacing = volume.geometry().spacing();
        if (Arrays.equals(spacing, targetSpacing)) {
            return volume;
        }
        int[] oldSize = volume.shape().toArray();
        int[] newSize = new int[3];
        double[] ratio = new double[3];
        for (int a = 0; a < 3; a++) {
            newSize[a] = (int) Math.max(1, Math.round(oldSize[a] * spacing[a] / targetSpacing[a]));
            ratio[a] = targetSpacing[a] / spacing[a];
        }
        VolumeShape shape = VolumeShape.of(newSize);
        VoxelSampler sampler = new VoxelSampler(volume, interpolation);
        float[] out = new float[shape.voxelCount()];
        IntStream.range(0, newSize[0]).parallel().forEach(d -> {
            double pd = Math.min(d * ratio[0], oldSize[0] - 1);
            int i = d * newSize[1] * newSize[2];
            for (int h = 0; h < newSize[1]; h++) {
                double ph = Math.min(h * ratio[1], oldSize[1] - 1);
                for (int w = 0; w < newSize[2]; w++) {
                    out[i++] = sampler.sample(pd, ph, Math.min(w * ratio[2], oldSize[2] - 1));
                }
            }
        });
        double[][] newToOld = {{ratio[2], 0, 0, 0}, {0, ratio[1], 0, 0}, {0, 0, ratio[0], 0}, {0, 0, 0, 1}};
        return Volume.adopt(shape, out, volume.geometry().remapped(newToOld, targetSpacing.clone()));
    }
}
