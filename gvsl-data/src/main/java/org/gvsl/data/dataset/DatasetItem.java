package org.gvsl.data.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One image of a dataset with its optional label map and class label.
 *
 * @param image      the image file
 * @param labels     the label map on the image's grid, or null
 * @param classLabel the image's class (e.g. 0/1), or null
 */
public record DatasetItem(Path image, Path labels, Integer classLabel) {

    /** Validates that the image is given. */
    public DatasetItem {
        Objects.requireNonNull(image, "image");
    }

    /** The label map, if any. */
    public Optional<Path> labelMap() {
        return Optional.ofNullable(labels);
    }

    /** The class label, if any. */
    public OptionalInt classOf() {
        return classLabel == null ? OptionalInt.empty() : OptionalInt.of(classLabel);
    }
}
