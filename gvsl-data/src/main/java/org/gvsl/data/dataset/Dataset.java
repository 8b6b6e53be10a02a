package org.gvsl.data.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.gvsl.data.nifti.NiftiFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of NIfTI images with optional label maps and class labels.
 *
 * <p>{@link #fromFolder(Path)} accepts two layouts. With an {@code images/} (or {@code imagesTr/}) sub-folder,
 * its NIfTI files are the images, a file of the same name in {@code labels/} (or {@code labelsTr/}) is an
 * image's label map, and {@code classes.csv} ({@link ClassLabels}) gives class labels; this is what {@code gvsl
 * data synth} and {@code gvsl data atlas-cohort} write. Otherwise every NIfTI file under the folder, recursively,
 * is an image. {@link #fromListFile(Path)} reads a CSV list of {@code image[,labels]} paths instead.
 */
public final class Dataset {

    private static final String[] IMAGE_DIRS = {"images", "imagesTr"};
    private static final String[] LABEL_DIRS = {"labels", "labelsTr"};

    private final List<DatasetItem> items;

    /** A dataset of the given items (at least one). */
    public Dataset(List<DatasetItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one image");
        }
        this.items = List.copyOf(items);
    }

    /** The dataset in a folder (see the class comment); an empty folder is an error naming it. */
    public static Dataset fromFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("dataset folder does not exist: " + dir);
        }
        Path imageDir = firstDirectory(dir, IMAGE_DIRS);
        Path labelDir = firstDirectory(dir, LABEL_DIRS);
        Path csv = dir.resolve(ClassLabels.FILE_NAME);
        ClassLabels classes = Files.isRegularFile(csv) ? ClassLabels.read(csv) : null;
        List<Path> images = NiftiFiles.find(imageDir == null ? dir : imageDir);
        if (images.isEmpty()) {
            throw new IOException("no .nii or .nii.gz files in " + (imageDir == null ? dir : imageDir));
        }
        List<DatasetItem> items = new ArrayList<>();
        for (Path image : images) {
            Path labels = null;
            if (imageDir != null && labelDir != null) {
                Path candidate = labelDir.resolve(imageDir.relativize(image));
                labels = Files.isRegularFile(candidate) ? candidate : null;
            }
            items.add(new DatasetItem(image, labels, classOf(classes, image)));
        }
        return new Dataset(items);
    }

    /**
     * The dataset of a list file: one CSV row per image, {@code image} or {@code image,labels}, paths relative to
     * the list file's folder; blank lines and lines starting with {@code #} are skipped. Class labels come from a
     * {@code classes.csv} beside the list file, if present.
     */
    public static Dataset fromListFile(Path list) throws IOException {
        if (!Files.isRegularFile(list)) {
            throw new IOException("dataset list file does not exist: " + list);
        }
        Path base = list.toAbsolutePath().getParent();
        Path csv = base.resolve(ClassLabels.FILE_NAME);
        ClassLabels classes = Files.isRegularFile(csv) && !csv.equals(list.toAbsolutePath()) ? ClassLabels.read(csv) : null;
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.ALLOW_COMMENTS);
        List<DatasetItem> items = new ArrayList<>();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(list.toFile())) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts
                String[] row = rows.nextValue();
                if (row.length == 0 || row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                if (row.length > 2) {
                    throw new IOException(list + " line " + line + ": expected \"image\" or \"image,labels\", got " + row.length + " columns");
                }
                Path image = base.resolve(row[0]);
                Path labels = row.length == 2 && !row[1].isEmpty() ? base.resolve(row[1]) : null;
                for (Path p : labels == null ? List.of(image) : List.of(image, labels)) {
                    if (!Files.isRegularFile(p)) {
                        throw new IOException(list + " line " + line + ": no such file " + p);
                    }
                }
                items.add(new DatasetItem(image, labels, classOf(classes, image)));
            }
        }
        if (items.isEmpty()) {
            throw new IOException(list + ": lists no images");
        }
        return new Dataset(items);
    }

    /** This dataset with class labels from a table (replacing any it had); unlisted images get none. */
    public Dataset withClassLabels(ClassLabels classes) {
        return new Dataset(items.stream().map(i -> new DatasetItem(i.image(), i.labels(), classOf(classes, i.image()))).toList());
    }

    /** The items in file order. */
    public List<DatasetItem> items() {
        return items;
    }

    /** Number of images. */
    public int size() {
        return items.size();
    }

    private static Integer classOf(ClassLabels classes, Path image) {
        if (classes == null) {
            return null;
        }
        var c = classes.classOf(image);
        return c.isPresent() ? c.getAsInt() : null;
    }

    private static Path firstDirectory(Path dir, String[] names) {
        for (String name : names) {
            if (Files.isDirectory(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }
}
