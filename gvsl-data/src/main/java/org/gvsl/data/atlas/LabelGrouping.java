package org.gvsl.data.atlas;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.gvsl.data.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A map from atlas labels to coarser groups; background 0 stays 0 and a label without a group becomes 0.
 *
 * <p>Sources: a CSV with the header {@code label,group} ({@link #fromCsv}), or an mricron lookup table such as
 * {@code aal.nii.txt} ({@link #byCodeThousands}), whose lines are {@code index name code}: AAL's codes encode the
 * lobe in their thousands (2xxx frontal, 3xxx insula, 4xxx limbic, 5xxx occipital, 6xxx parietal, 7xxx central
 * nuclei, 8xxx temporal, 9xxx cerebellum and vermis), so grouping by {@code code / 1000} gives 8 lobe-like groups,
 * numbered 1.. in increasing code order.
 */
public final class LabelGrouping {

    private final Map<Integer, Integer> groupOf;

    /** @param groupOf atlas label → group (groups ≥ 0) */
    public LabelGrouping(Map<Integer, Integer> groupOf) {
        groupOf.forEach((label, group) -> {
            if (group < 0) {
                throw new IllegalArgumentException("group of label " + label + " must be >= 0, got " + group);
            }
        });
        this.groupOf = Collections.unmodifiableMap(new TreeMap<>(groupOf));
    }

    /** Reads {@code label,group} rows. */
    public static LabelGrouping fromCsv(Path csv) throws IOException {
        Map<Integer, Integer> map = new TreeMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts
                Map<String, String> row = rows.nextValue();
                try {
                    map.put(Integer.parseInt(row.get("label").trim()), Integer.parseInt(row.get("group").trim()));
                } catch (NullPointerException | NumberFormatException e) {
                    throw new IOException(csv + " line " + line + ": needs integer columns label,group, got " + row);
                }
            }
        }
        return new LabelGrouping(map);
    }

    /** Groups the labels of an mricron lookup table ({@code index name code}) by {@code code / 1000}. */
    public static LabelGrouping byCodeThousands(Path lookupTable) throws IOException {
        List<String> lines = Files.readAllLines(lookupTable);
        Map<Integer, Integer> thousandsOf = new TreeMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                thousandsOf.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[parts.length - 1]) / 1000);
            } catch (NumberFormatException e) {
                throw new IOException(lookupTable + " line " + (n + 1) + ": expected \"index name code\", got \"" + line + "\"");
            }
        }
        List<Integer> groups = List.copyOf(new TreeSet<>(thousandsOf.values()));
        Map<Integer, Integer> map = new TreeMap<>();
        thousandsOf.forEach((label, thousands) -> map.put(label, groups.indexOf(thousands) + 1));
        return new LabelGrouping(map);
    }

    /** The group of an atlas label (0 for background and unlisted labels). */
    public int groupOf(int label) {
        return label == 0 ? 0 : groupOf.getOrDefault(label, 0);
    }

    /** The largest group number. */
    public int groupCount() {
        return groupOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** A label map with every label replaced by its group. */
    public Volume apply(Volume labels) {
        float[] out = labels.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = groupOf(Math.round(out[i]));
        }
        return labels.withVoxels(out);
    }
}
