package org.gvsl.data.loader;

import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.volume.Volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A named volume that can be (re)loaded: a preprocessed NIfTI file, or a volume already in memory. */
public interface VolumeSource {

    /** A name for messages, e.g. the file path. */
    String name();

    /** Loads (and preprocesses) the volume; may be called again after the cache dropped it. */
    Volume load() throws IOException;

    /** A NIfTI image read with the default {@link NiftiReader} and passed through {@code preprocessing.image}. */
    static VolumeSource nifti(Path path, Preprocessing preprocessing) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(preprocessing, "preprocessing");
        return new VolumeSource() {
            @Override
            public String name() {
                return path.toString();
            }

            @Override
            public Volume load() throws IOException {
                return preprocessing.image(NiftiReader.readVolume(path));
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    /**
     * A NIfTI label map read with the default {@link NiftiReader} and passed through {@code preprocessing.labels}
     * (the image's reorientation and resampling, nearest neighbour), then checked: every voxel must be an integer in
     * {@code [0, classes)}.
     *
     * @throws IllegalArgumentException if {@code classes < 1}
     */
    static VolumeSource labelMap(Path path, Preprocessing preprocessing, int classes) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (classes < 1) {
            throw new IllegalArgumentException("a label map needs at least 1 class, got " + classes);
        }
        return new VolumeSource() {
            @Override
            public String name() {
                return path.toString();
            }

            /** @throws IOException naming the file, the first bad voxel and its value */
            @Override
            public Volume load() throws IOException {
                Volume labels = preprocessing.labels(NiftiReader.readVolume(path));
                var shape = labels.shape();
                for (int i = 0; i < shape.voxelCount(); i++) {
                    float v = labels.get(i);
                    if (!(v >= 0 && v < classes && v == Math.rint(v))) {
                        throw new IOException(path + ": label " + v + " at voxel (" + i / (shape.height() * shape.width())
                                + ", " + i / shape.width() % shape.height() + ", " + i % shape.width()
                                + ") is not an integer in [0, " + classes + ")");
                    }
                }
                return labels;
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    /** A volume in memory (for tests, benchmarks and generated data). */
    static VolumeSource of(String name, Volume volume) {
        Objects.requireNonNull(volume, "volume");
        return new VolumeSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Volume load() {
                return volume;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** The images of a dataset, each read through {@code preprocessing}. */
    static List<VolumeSource> images(Dataset dataset, Preprocessing preprocessing) {
        return dataset.items().stream().map(DatasetItem::image).map(p -> nifti(p, preprocessing)).toList();
    }
}
