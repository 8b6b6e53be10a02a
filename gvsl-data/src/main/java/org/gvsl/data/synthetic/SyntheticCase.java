package org.gvsl.data.synthetic;

import org.gvsl.data.volume.Volume;

/**
 * One generated volume.
 *
 * @param name       e.g. {@code case_007}
 * @param image      CT-like intensities in HU (integers: air −1000, soft tissue about 40, bone about 700)
 * @param labels     label map on the image's grid: 0 background/body, 1..K the structures
 * @param classLabel 1 if the volume has lesions, else 0
 */
public record SyntheticCase(String name, Volume image, Volume labels, int classLabel) {
}
