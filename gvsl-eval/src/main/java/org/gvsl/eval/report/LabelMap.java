package org.gvsl.eval.report;

import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A label map: one non-negative integer label per voxel (0 = background), C order over {@code [D, H, W]}, with the
 * geometry of the file it came from. Immutable.
 */
public final class LabelMap {

    /**
     * Two maps are on the same grid when their shapes are equal and their spacings and affines differ by at most
     * this much in every entry (mm, or mm per voxel for the affine's direction columns): room for the float32
     * rounding of headers written by different tools, far below any real misalignment.
     */
    public static final double GEOMETRY_TOLERANCE_MM = 1e-3;

    /** The largest label, 2²⁴: the largest integer up to which every integer is exact in a float32 voxel. */
    public static final int MAX_LABEL = 1 << 24;

    private final String source;
    private final VolumeShape shape;
    private final VolumeGeometry geometry;
    /** Package-private so that the evaluator reads it without a copy. */
    final int[] labels;

    private LabelMap(String source, VolumeShape shape, VolumeGeometry geometry, int[] labels) {
        this.source = source;
        this.shape = shape;
        this.geometry = geometry;
        this.labels = labels;
    }

    /**
     * Reads a NIfTI label map ({@code .nii} or {@code .nii.gz}, any datatype; a float file must hold integers).
     *
     * @throws EvaluationInputException naming the file when it cannot be read (the reader's message) or is not a
     *                                  label map
     */
    public static LabelMap read(Path file) throws EvaluationInputException {
        Volume volume;
        try {
            volume = NiftiReader.readVolume(file);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // The reader's messages start with the file name; other I/O errors get it here.
            throw new EvaluationInputException(message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
        return of(file.toString(), volume);
    }

    /**
     * The label map of a volume whose voxels are labels.
     *
     * @param source the name used in messages (the file name)
     * @param volume the labels as values
     * @throws EvaluationInputException naming {@code source} and the first voxel that is not an integer, is
     *                                  negative or above {@link #MAX_LABEL}
     */
    public static LabelMap of(String source, Volume volume) throws EvaluationInputException {
        VolumeShape shape = volume.shape();
        int[] labels = new int[shape.voxelCount()];
        for (int i = 0; i < labels.length; i++) {
            float v = volume.get(i);
            if (v != Math.rint(v)) {
                throw new EvaluationInputException(source + ": not a label map: voxel " + voxel(shape, i) + " is "
                        + v + ", not an integer");
            }
            labels[i] = checked(source, shape, i, v);
        }
        return new LabelMap(source, shape, volume.geometry(), labels);
    }

    /**
     * A label map from labels already in memory (e.g. the argmax of a network's output).
     *
     * @param source   the name used in messages
     * @param shape    {@code [D, H, W]}
     * @param geometry where the voxels are (the spacing is used for the surface metrics)
     * @param labels   one label ≥ 0 per voxel, C order; copied
     * @throws EvaluationInputException on a negative label or one above {@link #MAX_LABEL}
     * @throws IllegalArgumentException when the length is not the shape's voxel count
     */
    public static LabelMap of(String source, VolumeShape shape, VolumeGeometry geometry, int[] labels)
            throws EvaluationInputException {
        if (labels.length != shape.voxelCount()) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels for shape " + shape + " ("
                    + shape.voxelCount() + " voxels)");
        }
        for (int i = 0; i < labels.length; i++) {
            checked(source, shape, i, labels[i]);
        }
        return new LabelMap(source, shape, geometry, labels.clone());
    }

    /** The name used in messages (the file name). */
    public String source() {
        return source;
    }

    /** {@code [D, H, W]}. */
    public VolumeShape shape() {
        return shape;
    }

    /** The spacing and affine of the file. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** A copy of the labels, C order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The largest label (0 for an empty map). */
    public int maxLabel() {
        return Arrays.stream(labels).max().orElse(0);
    }

    /** The distinct non-zero labels, ascending. */
    public SortedSet<Integer> foregroundLabels() {
        boolean[] seen = new boolean[maxLabel() + 1];
        for (int label : labels) {
            seen[label] = true;
        }
        SortedSet<Integer> found = new TreeSet<>();
        for (int k = 1; k < seen.length; k++) {
            if (seen[k]) {
                found.add(k);
            }
        }
        return found;
    }

    /**
     * Checks that {@code other} is on this map's grid: the same shape, and spacing and affine within
     * {@link #GEOMETRY_TOLERANCE_MM}.
     *
     * @throws EvaluationInputException naming this map's source, what differs and both values
     */
    public void requireSameGrid(LabelMap other) throws EvaluationInputException {
        if (!shape.equals(other.shape)) {
            throw new EvaluationInputException(source + ": shape " + shape + " differs from " + other.source
                    + "'s " + other.shape);
        }
        double[] spacing = geometry.spacing();
        double[] otherSpacing = other.geometry.spacing();
        for (int a = 0; a < 3; a++) {
            if (!(Math.abs(spacing[a] - otherSpacing[a]) <= GEOMETRY_TOLERANCE_MM)) {
                throw new EvaluationInputException(source + ": spacing (" + geometry.formatSpacing() + ") mm differs "
                        + "from " + other.source + "'s (" + other.geometry.formatSpacing() + ") mm");
            }
        }
        double[][] affine = geometry.affine();
        double[][] otherAffine = other.geometry.affine();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                if (!(Math.abs(affine[r][c] - otherAffine[r][c]) <= GEOMETRY_TOLERANCE_MM)) {
                    throw new EvaluationInputException(String.format(Locale.ROOT, "%s: affine differs from %s's at row "
                                    + "%d, column %d: %s vs %s (tolerance %s mm); geometry %s vs %s", source,
                            other.source, r, c, affine[r][c], otherAffine[r][c], GEOMETRY_TOLERANCE_MM, geometry,
                            other.geometry));
                }
            }
        }
    }

    /**
     * Checks that every label lies in {@code 0..classes}.
     *
     * @throws EvaluationInputException naming the source and the first voxel with a larger label
     */
    public void requireLabelsUpTo(int classes) throws EvaluationInputException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > classes) {
                throw new EvaluationInputException(source + ": voxel " + voxel(shape, i) + " has the label " + labels[i]
                        + ", outside the " + classes + " classes 0.." + classes);
            }
        }
    }

    private static int checked(String source, VolumeShape shape, int i, double label) throws EvaluationInputException {
        if (label < 0 || label > MAX_LABEL) {
            throw new EvaluationInputException(source + ": not a label map: voxel " + voxel(shape, i) + " has the "
                    + (label < 0 ? "negative label " : "label ") + (long) label
                    + (label < 0 ? "" : ", above the largest label " + MAX_LABEL));
        }
        return (int) label;
    }

    private static String voxel(VolumeShape shape, int i) {
        int w = i % shape.width();
        int h = i / shape.width() % shape.height();
        int d = i / shape.width() / shape.height();
        return "[d, h, w] = [" + d + ", " + h + ", " + w + "]";
    }
}
