package org.gvsl.data.loader;

import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.preprocess.Preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image and its class label: one case of a classification set.
 *
 * @param image      the image, already intensity-normalised by its source
 * @param classLabel its class, an integer ≥ 0 (e.g. 0/1 from {@code classes.csv})
 */
public record ClassifiedSource(VolumeSource image, int classLabel) {

    /** Validates the image and a non-negative class. */
    public ClassifiedSource {
        Objects.requireNonNull(image, "image");
        if (classLabel < 0) {
            throw new IllegalArgumentException(image.name() + ": class must be ≥ 0, got " + classLabel);
        }
    }

    /**
     * The classified cases of dataset items, each image read through {@code preprocessing.image}, its class from
     * the dataset's class labels ({@code classes.csv}).
     *
     * @throws IllegalArgumentException naming every image without a class label
     */
    public static List<ClassifiedSource> of(List<DatasetItem> items, Preprocessing preprocessing) {
        List<String> unclassified = new ArrayList<>();
        List<ClassifiedSource> sources = new ArrayList<>(items.size());
        for (DatasetItem item : items) {
            if (item.classLabel() == null) {
                unclassified.add(item.image().toString());
                continue;
            }
            sources.add(new ClassifiedSource(VolumeSource.nifti(item.image(), preprocessing), item.classLabel()));
        }
        if (!unclassified.isEmpty()) {
            throw new IllegalArgumentException(unclassified.size() + " image(s) have no class in classes.csv: "
                    + unclassified);
        }
        return sources;
    }
}
