package org.gvsl.train.transfer;

import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.dataset.DatasetSplit;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.TransferRunConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The labelled data of a transfer run: the dataset folder, its train/validation/test split, the class count and
 * the crop, checked before any training starts so that every problem is one line naming the file.
 *
 * <p><b>Volumes</b> are used on their stored voxel grid: no reorientation, no resampling (the test predictions lie
 * on each image's grid and are written with its geometry, and {@code gvsl predict} reads volumes the same way);
 * images are normalised by the run's intensity. Resample a dataset beforehand if its spacings differ much.
 *
 * <p><b>Classes</b> (when not given): segmentation K = the largest label of any label map + 1 (background 0
 * included); classification K = 1 sigmoid output when the classes of {@code classes.csv} are 0/1, else the
 * largest class + 1 (one-vs-rest outputs). Given or not, every label map is read once here: it must exist for
 * every image and hold integers in [0, K).
 *
 * <p><b>Crop</b> (when not given): the reference's 128, or the smallest side of any image rounded down to a
 * multiple of 16 if that is smaller (at least 16), so that a small dataset trains on crops that fit its volumes.
 */
public final class TransferData {

    /** The reference's crop (and window) side. */
    public static final int REFERENCE_CROP = 128;
    /** Crops are multiples of this (the U-Net's four poolings). */
    public static final int CROP_MULTIPLE = 16;

    private final Dataset dataset;
    private final DatasetSplit split;
    private final int classes;
    private final int crop;
    private final Preprocessing preprocessing;

    private TransferData(Dataset dataset, DatasetSplit split, int classes, int crop, Preprocessing preprocessing) {
        this.dataset = dataset;
        this.split = split;
        this.classes = classes;
        this.crop = crop;
        this.preprocessing = preprocessing;
    }

    /**
     * The data a configuration names, with its split, class count and crop resolved.
     *
     * @throws ConfigException naming the folder, file or value that is unusable
     */
    public static TransferData from(TransferRunConfig config) throws ConfigException {
        if (config.data() == null) {
            throw new ConfigException("--data DIR is required: a folder with images/ and labels/ (segmentation) or"
                    + " classes.csv (classification)");
        }
        if (!Files.isDirectory(config.data())) {
            throw new ConfigException("data folder not found: " + config.data());
        }
        Dataset dataset;
        try {
            dataset = Dataset.fromFolder(config.data());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot use data folder " + config.data() + ": " + e.getMessage(), e);
        }
        int k = config.task() == TransferTask.SEGMENTATION ? segmentationClasses(dataset, config.classes())
                : classificationOutputs(dataset, config.classes());
        DatasetSplit split = split(dataset, config);
        int crop = config.crop() != null ? config.crop() : defaultCrop(dataset);
        Preprocessing pre = Preprocessing.builder().optCanonicalOrientation(false)
                .optIntensity(config.intensity().normalization()).build();
        return new TransferData(dataset, split, k, crop, pre);
    }

    private static DatasetSplit split(Dataset dataset, TransferRunConfig config) throws ConfigException {
        try {
            return config.split() != null ? DatasetSplit.fromFile(dataset, config.split())
                    : DatasetSplit.fromFractions(dataset, config.validationFraction(), config.testFraction(),
                    config.seed());
        } catch (IOException | IllegalArgumentException e) {
            String where = config.split() != null ? "split file " + config.split() : "--val-fraction/--test-fraction";
            throw new ConfigException("cannot split " + config.data() + " by " + where + ": " + e.getMessage(), e);
        }
    }

    private static int segmentationClasses(Dataset dataset, Integer given) throws ConfigException {
        if (given != null && given < 2) {
            throw new ConfigException("--classes " + given + ": segmentation needs at least 2 classes (background"
                    + " included)");
        }
        int max = 0;
        for (DatasetItem item : dataset.items()) {
            if (item.labels() == null) {
                throw new ConfigException(item.image() + " has no label map (expected one of the same file name in"
                        + " labels/); segmentation needs one for every image");
            }
            Volume labels;
            try {
                labels = NiftiReader.readVolume(item.labels());
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("cannot read the label map " + item.labels() + ": " + e.getMessage(), e);
            }
            VolumeShape imageShape;
            try {
                imageShape = NiftiReader.readHeader(item.image()).spatialShape();
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("cannot read " + item.image() + ": " + e.getMessage(), e);
            }
            if (!imageShape.equals(labels.shape())) {
                throw new ConfigException(item.labels() + " is " + labels.shape() + ", its image " + item.image()
                        + " is " + imageShape + ": a label map must lie on its image's grid");
            }
            for (int i = 0; i < labels.shape().voxelCount(); i++) {
                float v = labels.get(i);
                if (!(v >= 0 && v == Math.rint(v))) {
                    throw new ConfigException(item.labels() + ": voxel " + i + " holds " + v
                            + ", not a label (an integer ≥ 0)");
                }
                if (given != null && v >= given) {
                    throw new ConfigException(item.labels() + " holds label " + (int) v + ", above what --classes "
                            + given + " allows (0.." + (given - 1) + ")");
                }
                max = Math.max(max, (int) v);
            }
        }
        if (given == null && max < 1) {
            throw new ConfigException("the label maps of " + dataset.size() + " images hold only background (0):"
                    + " nothing to segment");
        }
        return given != null ? given : max + 1;
    }

    private static int classificationOutputs(Dataset dataset, Integer given) throws ConfigException {
        int max = 0;
        for (DatasetItem item : dataset.items()) {
            if (item.classLabel() == null) {
                throw new ConfigException(item.image() + " has no class in classes.csv (CSV image,class beside"
                        + " images/); classification needs one for every image");
            }
            if (item.classLabel() < 0) {
                throw new ConfigException(item.image() + " has class " + item.classLabel() + " in classes.csv;"
                        + " classes are integers ≥ 0");
            }
            max = Math.max(max, item.classLabel());
        }
        int needed = max <= 1 ? 1 : max + 1;
        if (given != null && (given == 1 ? max > 1 : max >= given)) {
            throw new ConfigException("classes.csv holds class " + max + ", more than --classes " + given
                    + " outputs can score (1 output: classes 0/1; K outputs: classes 0..K-1)");
        }
        return given != null ? given : needed;
    }

    private static int defaultCrop(Dataset dataset) throws ConfigException {
        int smallest = Integer.MAX_VALUE;
        for (DatasetItem item : dataset.items()) {
            try {
                VolumeShape s = NiftiReader.readHeader(item.image()).spatialShape();
                smallest = Math.min(smallest, Math.min(s.depth(), Math.min(s.height(), s.width())));
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("cannot read " + item.image() + ": " + e.getMessage(), e);
            }
        }
        return Math.max(CROP_MULTIPLE, Math.min(REFERENCE_CROP, smallest / CROP_MULTIPLE * CROP_MULTIPLE));
    }

    /** The split. */
    public DatasetSplit split() {
        return split;
    }

    /** K: segmentation classes with background, or classification outputs. */
    public int classes() {
        return classes;
    }

    /** The crop (and window) side. */
    public int crop() {
        return crop;
    }

    /** How images are read: their own grid, the run's intensity; label maps unchanged. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The dataset. */
    public Dataset dataset() {
        return dataset;
    }

    /** Writes the split as a split file. */
    public void writeSplit(Path csv) throws IOException {
        split.write(csv);
    }

    /** One line: the folder, counts per part, K and the crop. */
    public String description(TransferTask task) {
        return String.format(Locale.ROOT, "%d images in %s: %d train, %d validation, %d test; %s %d; crops %d³",
                dataset.size(), dataset.items().isEmpty() ? "?" : dataset.items().get(0).image().getParent(),
                split.train().size(), split.validation().size(), split.test().size(),
                task == TransferTask.SEGMENTATION ? "classes (with background)" : "outputs", classes, crop);
    }

    /** The items of a part. */
    List<DatasetItem> part(DatasetSplit.Part part) {
        return split.part(part);
    }
}
