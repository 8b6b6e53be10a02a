package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;

/**
 * One pre-training sample (method.md §5), all three on the same {@code [D, H, W]} grid.
 *
 * @param fixed   {@code x_A^t}: the appearance-transformed view of {@code target}, the network's fixed input
 * @param moving  {@code x_B}: another volume, cropped and spatially augmented like {@code x_A}
 * @param target  {@code x_A}: the clean crop of volume A after the spatial augmentation (NCC and restoration target)
 * @param sourceA name of volume A
 * @param sourceB name of volume B
 */
public record TrainingPair(Volume fixed, Volume moving, Volume target, String sourceA, String sourceB) {
}
