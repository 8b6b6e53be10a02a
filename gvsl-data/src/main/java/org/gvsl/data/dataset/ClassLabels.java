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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-image class labels from a CSV file with the header {@code image,class}: one row per image, the image given
 * by file name (with or without {@code .nii}/{@code .nii.gz}, any folder part ignored) and an integer class.
 *
 * <p>Example (this class writes stems, as in the second row; it reads both): <pre>
 * image,class
 * case_000.nii.gz,1
 * case_001,0
 * </pre>
 */
public final class ClassLabels {

    /** The usual file name of the table inside a dataset folder. */
    public static final String FILE_NAME = "classes.csv";

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    private final Map<String, Integer> byStem;

    private ClassLabels(Map<String, Integer> byStem) {
        this.byStem = Collections.unmodifiableMap(new LinkedHashMap<>(byStem));
    }

    /** Labels keyed by image file name or stem. */
    public static ClassLabels of(Map<String, Integer> labels) {
        Map<String, Integer> byStem = new LinkedHashMap<>();
        labels.forEach((name, c) -> byStem.put(NiftiFiles.stem(Path.of(name)), Objects.requireNonNull(c, name)));
        return new ClassLabels(byStem);
    }

    /**
     * Reads a table.
     *
     * @throws IOException naming the file and line for a missing column, a non-integer class or a duplicate image
     */
    public static ClassLabels read(Path csv) throws IOException {
        Map<String, Integer> byStem = new LinkedHashMap<>();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(header).readValues(csv.toFile())) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts
                Map<String, String> row = rows.nextValue();
                String image = row.get("image");
                String label = row.get("class");
                if (image == null || label == null) {
                    throw new IOException(csv + ": needs the header \"image,class\", found columns " + row.keySet());
                }
                int value;
                try {
                    value = Integer.parseInt(label.trim());
                } catch (NumberFormatException e) {
                    throw new IOException(csv + " line " + line + ": class \"" + label + "\" of " + image + " is not an integer");
                }
                String stem = NiftiFiles.stem(Path.of(image.trim()));
                if (byStem.put(stem, value) != null) {
                    throw new IOException(csv + " line " + line + ": image " + image + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(csv.toString()) ? e
                    : new IOException(csv + ": " + e.getMessage(), e);
        }
        return new ClassLabels(byStem);
    }

    /** Writes the table (header {@code image,class}, rows in insertion order) to {@code csv}. */
    public void write(Path csv) throws IOException {
        AtomicFile.write(csv, tmp -> CSV.writer(SCHEMA).writeValues(tmp.toFile()).writeAll(byStem.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue())).toList()).close());
    }

    /** The class of an image (looked up by its file stem). */
    public OptionalInt classOf(Path image) {
        Integer c = byStem.get(NiftiFiles.stem(image));
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** A CSV row. */
    @JsonPropertyOrder({"image", "class"})
    record Row(@JsonProperty("image") String image, @JsonProperty("class") int label) {
    }
}
