package org.gvsl.data.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.data.nifti.NiftiFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A dataset divided into training, validation and test parts: every image in exactly one part, each part in the
 * dataset's order.
 *
 * <p><b>From a split file</b> ({@link #fromFile}): CSV with the header {@code image,split}, one row per image of
 * the dataset; {@code image} is the file name with or without {@code .nii}/{@code .nii.gz} (any folder part is
 * ignored, as in {@code classes.csv}), {@code split} is {@code train}, {@code validation} or {@code test} (any
 * case). Every image of the dataset must be listed once, and every listed image must exist. Example:
 * <pre>
 * image,split
 * case_000,train
 * case_001.nii.gz,validation
 * case_002,test
 * </pre>
 * A part that no row names is empty (a run without a test set); the training part must not be.
 *
 * <p><b>From fractions</b> ({@link #fromFractions}): the dataset's images are shuffled by Fisher–Yates with
 * {@code new SplittableRandom(seed)} (for i = n−1 down to 1, swap i with {@code nextInt(i + 1)}); the first
 * {@code round(testFraction·n)} go to the test part, the next {@code round(validationFraction·n)} to validation,
 * the rest to training. The same dataset, fractions and seed always give the same split; {@link #write} saves it
 * as a split file, so a run can record the split it used.
 */
public final class DatasetSplit {

    /** The three parts, with their names in a split file. */
    public enum Part {
        TRAIN("train"),
        VALIDATION("validation"),
        TEST("test");

        private final String fileName;

        Part(String fileName) {
            this.fileName = fileName;
        }

        /** The part's name in a split file. */
        public String fileName() {
            return fileName;
        }

        static Part parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Part p : values()) {
                if (p.fileName.equals(t)) {
                    return p;
                }
            }
            return null;
        }
    }

    private static final CsvMapper CSV = new CsvMapper();

    private final Map<Part, List<DatasetItem>> parts;

    private DatasetSplit(Map<Part, List<DatasetItem>> parts) {
        if (parts.get(Part.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("the split leaves no image for training");
        }
        this.parts = parts;
    }

    /**
     * The split of a dataset given by a split file (see the class comment).
     *
     * @throws IOException naming the file (and line) for a missing column, an unknown part, an image listed twice
     *                     or not in the dataset, dataset images not listed, images of the dataset that share a
     *                     name, or an empty training part
     */
    public static DatasetSplit fromFile(Dataset dataset, Path csv) throws IOException {
        Map<String, DatasetItem> byStem = byStem(dataset, csv);
        Map<String, Part> assigned = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(header).readValues(csv.toFile())) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts
                Map<String, String> row = rows.nextValue();
                String image = row.get("image");
                String split = row.get("split");
                if (image == null || split == null) {
                    throw new IOException(csv + ": needs the header \"image,split\", found columns " + row.keySet());
                }
                Part part = Part.parse(split);
                if (part == null) {
                    throw new IOException(csv + " line " + line + ": split \"" + split + "\" of " + image
                            + " is not one of train, validation, test");
                }
                String stem = NiftiFiles.stem(Path.of(image.trim()));
                if (!byStem.containsKey(stem)) {
                    unknown.add(image.trim());
                } else if (assigned.put(stem, part) != null) {
                    throw new IOException(csv + " line " + line + ": image " + image + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(csv.toString()) ? e
                    : new IOException(csv + ": " + e.getMessage(), e);
        }
        if (!unknown.isEmpty()) {
            throw new IOException(csv + ": " + unknown.size() + " listed image(s) are not in the dataset: " + unknown);
        }
        TreeSet<String> unlisted = new TreeSet<>(byStem.keySet());
        unlisted.removeAll(assigned.keySet());
        if (!unlisted.isEmpty()) {
            throw new IOException(csv + ": " + unlisted.size() + " image(s) of the dataset are not listed: " + unlisted);
        }
        Map<Part, List<DatasetItem>> parts = emptyParts();
        byStem.forEach((stem, item) -> parts.get(assigned.get(stem)).add(item));
        try {
            return new DatasetSplit(parts);
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * A seeded random split by fractions (see the class comment).
     *
     * @param validationFraction in [0, 1)
     * @param testFraction       in [0, 1); both together below 1
     * @throws IllegalArgumentException naming the fraction that is out of range, that selects no image although
     *                                  positive, or that leaves no image for training
     */
    public static DatasetSplit fromFractions(Dataset dataset, double validationFraction, double testFraction,
                                             long seed) {
        requireFraction("validation", validationFraction);
        requireFraction("test", testFraction);
        if (!(validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " and test fraction "
                    + testFraction + " must sum to less than 1 (the rest trains)");
        }
        int n = dataset.size();
        int tests = count("test", testFraction, n);
        int validations = count("validation", validationFraction, n);
        if (tests + validations >= n) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " and test fraction "
                    + testFraction + " of " + n + " images leave no image for training");
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Part[] partOf = new Part[n];
        for (int r = 0; r < n; r++) {
            partOf[order[r]] = r < tests ? Part.TEST : r < tests + validations ? Part.VALIDATION : Part.TRAIN;
        }
        Map<Part, List<DatasetItem>> parts = emptyParts();
        for (int i = 0; i < n; i++) {
            parts.get(partOf[i]).add(dataset.items().get(i));
        }
        return new DatasetSplit(parts);
    }

    /** The items of a part, in dataset order (possibly empty for validation and test). */
    public List<DatasetItem> part(Part part) {
        return parts.get(part);
    }

    /** The training items (never empty). */
    public List<DatasetItem> train() {
        return part(Part.TRAIN);
    }

    /** The validation items. */
    public List<DatasetItem> validation() {
        return part(Part.VALIDATION);
    }

    /** The test items. */
    public List<DatasetItem> test() {
        return part(Part.TEST);
    }

    /** Writes the split as a split file ({@code image,split}, file stems, dataset order within each part). */
    public void write(Path csv) throws IOException {
        CsvSchema schema = CSV.schemaFor(Row.class).withHeader();
        List<Row> rows = new ArrayList<>();
        for (Part p : Part.values()) {
            for (DatasetItem item : parts.get(p)) {
                rows.add(new Row(NiftiFiles.stem(item.image()), p.fileName()));
            }
        }
        AtomicFile.write(csv, tmp -> CSV.writer(schema).writeValues(tmp.toFile()).writeAll(rows).close());
    }

    @Override
    public String toString() {
        return "DatasetSplit[train " + train().size() + ", validation " + validation().size() + ", test "
                + test().size() + "]";
    }

    private static Map<Part, List<DatasetItem>> emptyParts() {
        Map<Part, List<DatasetItem>> parts = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            parts.put(p, new ArrayList<>());
        }
        return parts;
    }

    private static Map<String, DatasetItem> byStem(Dataset dataset, Path csv) throws IOException {
        Map<String, DatasetItem> byStem = new LinkedHashMap<>();
        for (DatasetItem item : dataset.items()) {
            DatasetItem before = byStem.put(NiftiFiles.stem(item.image()), item);
            if (before != null) {
                throw new IOException(csv + ": the dataset has two images named " + NiftiFiles.stem(item.image())
                        + " (" + before.image() + ", " + item.image() + "); a split file cannot tell them apart");
            }
        }
        return byStem;
    }

    private static void requireFraction(String part, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException(part + " fraction must be in [0, 1), got " + f);
        }
    }

    private static int count(String part, double fraction, int n) {
        int c = (int) Math.round(fraction * n);
        if (fraction > 0 && c == 0) {
            throw new IllegalArgumentException(part + " fraction " + fraction + " of " + n + " images selects none "
                    + "(round(" + fraction + " × " + n + ") = 0)");
        }
        return c;
    }

    /** A split-file row. */
    @JsonPropertyOrder({"image", "split"})
    record Row(@JsonProperty("image") String image, @JsonProperty("split") String split) {
    }
}
