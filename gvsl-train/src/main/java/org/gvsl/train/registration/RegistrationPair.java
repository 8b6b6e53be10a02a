package org.gvsl.train.registration;

import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.volume.Volume;

import java.util.Objects;

/**
 * A pair to register and measure: the network's three images (fixed input {@code x_A^t}, moving {@code x_B},
 * clean target {@code x_A}; method.md §5) and, where known, the label maps of {@code x_A} and {@code x_B} on the
 * same grid.
 *
 * @param images       the images and their volumes' names
 * @param fixedLabels  labels of the target, or null (then {@code movingLabels} is null too)
 * @param movingLabels labels of the moving image, or null
 */
public record RegistrationPair(TrainingPair images, Volume fixedLabels, Volume movingLabels) {

    /** @throws IllegalArgumentException when only one label map is given, or a grid differs from the target's */
    public RegistrationPair {
        Objects.requireNonNull(images, "images");
        if ((fixedLabels == null) != (movingLabels == null)) {
            throw new IllegalArgumentException("a registration pair needs the label maps of both images or of neither");
        }
        if (fixedLabels != null && (!fixedLabels.shape().equals(images.target().shape())
                || !movingLabels.shape().equals(images.target().shape()))) {
            throw new IllegalArgumentException("label maps " + fixedLabels.shape() + " / " + movingLabels.shape()
                    + " are not on the images' grid " + images.target().shape());
        }
    }

    /** A pair without labels. */
    public static RegistrationPair unlabelled(TrainingPair images) {
        return new RegistrationPair(images, null, null);
    }

    /** Whether the pair has label maps. */
    public boolean hasLabels() {
        return fixedLabels != null;
    }

    /** e.g. {@code synthetic/case_013 → synthetic/case_012}: the moving volume, then the fixed one it is warped onto. */
    public String name() {
        return images.sourceB() + " → " + images.sourceA();
    }
}
