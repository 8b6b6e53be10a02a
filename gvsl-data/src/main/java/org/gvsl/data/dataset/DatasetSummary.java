package org.gvsl.data.dataset;

import org.gvsl.data.nifti.NiftiFiles;
import org.gvsl.data.nifti.NiftiHeader;
import org.gvsl.data.nifti.NiftiImage;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * The report of {@code gvsl data summary DIR}: one line per NIfTI file found under a folder (recursively, sorted
 * by path), then a total.
 *
 * <p>A readable file gives {@code PATH  shape [D, H, W]  spacing (d, h, w) mm  ORIENTATION  DATATYPE  range [min,
 * max]}, followed by {@code  labels N} for integer datatypes: the number of distinct values, which for a label map
 * is its number of labels including background. A 4-D/5-D file adds {@code  volumes N} and describes its first
 * volume. A file that cannot be read gives {@code PATH  ERROR: what is wrong}. Paths are relative to the folder.
 */
public final class DatasetSummary {

    /** Distinct values are counted exactly up to this many; beyond, the line says {@code labels >LIMIT}. */
    static final int DISTINCT_LIMIT = 1 << 16;

    /**
     * What the report found.
     *
     * @param read   files read
     * @param failed files that could not be read
     */
    public record Counts(int read, int failed) {
    }

    private DatasetSummary() {
    }

    /**
     * Writes the report of every NIfTI file under {@code dir} to {@code out}.
     *
     * @throws IOException if {@code dir} is not a readable folder (problems with single files are report lines)
     */
    public static Counts write(Path dir, PrintStream out) throws IOException {
        int read = 0;
        int failed = 0;
        for (Path file : NiftiFiles.find(dir)) {
            String name = dir.relativize(file).toString();
            try {
                out.println(name + "  " + describe(file));
                read++;
            } catch (IOException | RuntimeException e) {
                out.println(name + "  ERROR: " + e.getMessage());
                failed++;
            }
        }
        out.printf(Locale.ROOT, "%d volume(s) read, %d could not be read, in %s%n", read, failed, dir);
        return new Counts(read, failed);
    }

    /** The description of one readable file (without its name). */
    static String describe(Path file) throws IOException {
        NiftiImage image = NiftiReader.builder().optVolumeIndex(0).build().read(file);
        NiftiHeader header = image.header();
        Volume v = image.volume();
        VolumeGeometry g = v.geometry();
        double[] range = v.range();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "shape %s  spacing (%s) mm  %s  %s  range [%s, %s]",
                v.shape(), g.formatSpacing(), g.orientation(), header.datatype().label(), number(range[0]), number(range[1])));
        if (header.datatype().isInteger()) {
            int distinct = countDistinct(v, range);
            line.append("  labels ").append(distinct > DISTINCT_LIMIT ? ">" + DISTINCT_LIMIT : distinct);
        }
        if (header.volumeCount() > 1) {
            line.append("  volumes ").append(header.volumeCount()).append(" (first shown)");
        }
        return line.toString();
    }

    /** Distinct voxel values, exactly up to {@link #DISTINCT_LIMIT} (then {@code DISTINCT_LIMIT + 1}). */
    static int countDistinct(Volume v, double[] range) {
        double span = range[1] - range[0];
        if (span < 1 << 24 && range[0] == Math.rint(range[0])) {
            BitSet seen = new BitSet((int) span + 1);
            boolean integral = true;
            for (int i = 0; i < v.shape().voxelCount() && integral; i++) {
                double offset = v.get(i) - range[0];
                integral = offset == Math.rint(offset);
                seen.set((int) offset);
            }
            if (integral) {
                return Math.min(seen.cardinality(), DISTINCT_LIMIT + 1);
            }
        }
        // Scaled or very wide values: count runs in a sorted copy.
        float[] sorted = v.toArray();
        Arrays.sort(sorted);
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length && distinct <= DISTINCT_LIMIT; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Up to 6 significant digits, no trailing zeros: {@code -3}, {@code 8.5}, {@code 0.000123457}. */
    private static String number(double x) {
        return Double.isFinite(x) ? new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                : String.valueOf(x);
    }
}
