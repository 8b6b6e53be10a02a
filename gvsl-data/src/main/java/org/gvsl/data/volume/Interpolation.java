package org.gvsl.data.volume;

/** How {@link VoxelSampler} reads a volume between voxel centres. */
public enum Interpolation {
    /** Trilinear: the 8 neighbours weighted by {@code Π (1 − |q − corner|)}; for intensities. */
    LINEAR,
    /** The nearest voxel (ties rounded to even, as {@code Math.rint} and PyTorch's grid sampler); for label maps. */
    NEAREST
}
