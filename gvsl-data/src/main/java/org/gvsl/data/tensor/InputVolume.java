package org.gvsl.data.tensor;

import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.preprocess.IntensityNormalization;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A volume read for inference: the array {@code [1, 1, D, H, W]} (float32, C order) that a graph takes, and the
 * geometry of the NIfTI file it came from.
 *
 * <p>The kind of a file is told by its content. A NumPy {@code .npy} array (magic {@code \x93NUMPY}) of shape
 * {@code [D, H, W]} or {@code [1, 1, D, H, W]}, of any numeric dtype, is taken as it is: already normalised, no
 * geometry. Anything else is read as NIfTI ({@link NiftiReader}, strict) on its stored voxel grid — no
 * reorientation, no resampling, so the results lie on the same grid as the file — and an image is then normalised
 * by the given {@link IntensityNormalization}. An image must be finite everywhere; a label map must hold integers.
 *
 * @param source   the file
 * @param array    {@code [1, 1, D, H, W]} float32
 * @param geometry spacing and voxel-to-world affine of a NIfTI file; null for an {@code .npy} array
 */
public record InputVolume(Path source, INDArray array, VolumeGeometry geometry) {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * Reads an image; {@code intensity} applies to NIfTI files only.
     *
     * @throws VolumeFileException or {@link org.gvsl.data.nifti.NiftiFormatException} naming the file and the
     *                             problem
     */
    public static InputVolume image(Path file, IntensityNormalization intensity) throws IOException {
        InputVolume v = read(file, intensity);
        float[] voxels = v.array.data().asFloat();
        for (int i = 0; i < voxels.length; i++) {
            if (!Float.isFinite(voxels[i])) {
                throw new VolumeFileException(file, "voxel " + i + " (flat C-order index) is " + voxels[i]
                        + ": an image must be finite everywhere");
            }
        }
        return v;
    }

    /**
     * Reads a label map (values unchanged).
     *
     * @throws VolumeFileException when a value is not an integer, or as {@link #image}
     */
    public static InputVolume labels(Path file) throws IOException {
        InputVolume v = read(file, IntensityNormalization.none());
        float[] voxels = v.array.data().asFloat();
        for (int i = 0; i < voxels.length; i++) {
            if (voxels[i] != Math.rint(voxels[i])) {
                throw new VolumeFileException(file, "voxel " + i + " (flat C-order index) is " + voxels[i]
                        + ": a label map must hold integers");
            }
        }
        return v;
    }

    private static InputVolume read(Path file, IntensityNormalization intensity) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new VolumeFileException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (isNpy(file)) {
            return new InputVolume(file, npy(file), null);
        }
        Volume volume = intensity.apply(NiftiReader.readVolume(file));
        VolumeShape s = volume.shape();
        INDArray array = Nd4j.create(volume.toArray(), new long[] {1, 1, s.depth(), s.height(), s.width()},
                DataType.FLOAT);
        return new InputVolume(file, array, volume.geometry());
    }

    private static boolean isNpy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(NPY_MAGIC.length), NPY_MAGIC);
        }
    }

    private static INDArray npy(Path file) throws VolumeFileException {
        INDArray a;
        try {
            a = Nd4j.createFromNpyFile(file.toFile());
        } catch (RuntimeException e) {
            throw new VolumeFileException(file, "not a readable .npy array (" + e.getMessage() + ")", e);
        }
        long[] shape = a.shape();
        boolean volume = shape.length == 3 || (shape.length == 5 && shape[0] == 1 && shape[1] == 1);
        if (!volume) {
            throw new VolumeFileException(file, "a .npy volume must have shape [D, H, W] or [1, 1, D, H, W], got "
                    + Arrays.toString(shape));
        }
        if (!a.dataType().isNumerical()) {
            throw new VolumeFileException(file, "a .npy volume must be numeric, got " + a.dataType());
        }
        long[] s = shape.length == 3 ? shape : Arrays.copyOfRange(shape, 2, 5);
        return a.castTo(DataType.FLOAT).reshape('c', 1, 1, s[0], s[1], s[2]).dup('c');
    }

    /** The spatial size {@code [D, H, W]}. */
    public VolumeShape shape() {
        long[] s = array.shape();
        return new VolumeShape((int) s[2], (int) s[3], (int) s[4]);
    }

    /** Whether the volume came with a geometry (a NIfTI file), which NIfTI outputs on its grid need. */
    public boolean hasGeometry() {
        return geometry != null;
    }
}
