package org.gvsl.data.atlas;

import org.gvsl.data.volume.Volume;

/**
 * One member of an atlas cohort.
 *
 * @param name   e.g. {@code atlas_004}
 * @param image  the warped image, min-max normalised before the intensity changes (about [0, 1])
 * @param labels the warped (and grouped) label map on the image's grid
 */
public record AtlasCase(String name, Volume image, Volume labels) {
}
