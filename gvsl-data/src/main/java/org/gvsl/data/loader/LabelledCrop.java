package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;

/**
 * One supervised training sample: a crop of an image and the same crop of its label map, after the same
 * augmentation, on one {@code [D, H, W]} grid.
 *
 * @param image  the image crop (intensity-normalised)
 * @param labels the label crop (integer classes; 0 where the crop reached past the volume)
 * @param source the image's name
 */
public record LabelledCrop(Volume image, Volume labels, String source) {
}
