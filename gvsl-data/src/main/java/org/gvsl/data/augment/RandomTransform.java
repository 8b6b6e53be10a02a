package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;

import java.util.random.RandomGenerator;

/** A random voxel-wise or local transform of one volume: the same input and draws give the same output. */
public interface RandomTransform {

    /**
     * A new, transformed volume on the same grid; {@code input} is not modified.
     *
     * @param input the volume ({@code [D, H, W]})
     * @param rng   the source of every random draw, in the order the implementation documents
     */
    Volume apply(Volume input, RandomGenerator rng);
}
