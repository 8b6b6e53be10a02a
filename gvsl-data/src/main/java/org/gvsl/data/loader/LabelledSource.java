package org.gvsl.data.loader;

import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.preprocess.Preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image and its label map on the same grid, loadable: one labelled case of a supervised (segmentation) set.
 *
 * @param image  the image, already intensity-normalised by its source
 * @param labels the label map (integer classes 0..K−1, 0 the background)
 */
public record LabelledSource(VolumeSource image, VolumeSource labels) {

    /** Validates that both are given. */
    public LabelledSource {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(labels, "labels");
    }

    /**
     * The labelled cases of dataset items: each image read through {@code preprocessing.image}, its label map
     * through {@code preprocessing.labels} and checked to hold integers in {@code [0, classes)} ({@link
     * VolumeSource#labelMap}).
     *
     * @throws IllegalArgumentException naming every image that has no label map
     */
    public static List<LabelledSource> of(List<DatasetItem> items, Preprocessing preprocessing, int classes) {
        List<String> unlabelled = new ArrayList<>();
        List<LabelledSource> sources = new ArrayList<>(items.size());
        for (DatasetItem item : items) {
            if (item.labels() == null) {
                unlabelled.add(item.image().toString());
                continue;
            }
            sources.add(new LabelledSource(VolumeSource.nifti(item.image(), preprocessing),
                    VolumeSource.labelMap(item.labels(), preprocessing, classes)));
        }
        if (!unlabelled.isEmpty()) {
            throw new IllegalArgumentException(unlabelled.size() + " image(s) have no label map (expected beside "
                    + "them in labels/ under the same file name): " + unlabelled);
        }
        return sources;
    }

    /** {@link #of(List, Preprocessing, int)} for every item of a dataset. */
    public static List<LabelledSource> of(Dataset dataset, Preprocessing preprocessing, int classes) {
        return of(dataset.items(), preprocessing, classes);
    }
}
