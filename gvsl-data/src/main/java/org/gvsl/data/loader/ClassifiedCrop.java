package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;

/**
 * One classification sample: an image crop and the image's class.
 *
 * @param image      the crop (intensity-normalised)
 * @param classLabel the image's class
 * @param source     the image's name
 */
public record ClassifiedCrop(Volume image, int classLabel, String source) {
}
