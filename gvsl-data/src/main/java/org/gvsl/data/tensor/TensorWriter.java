package org.gvsl.data.tensor;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes result arrays, atomically ({@link AtomicFile}), in the kind the file name asks for ({@link TensorFormat}).
 *
 * <ul>
 *   <li>{@code .npy}: the array as float32 in its own layout (e.g. {@code [1, 3, D, H, W]}, {@code [1, 3, 4]});
 *       label maps as int32.</li>
 *   <li>{@code .nii}/{@code .nii.gz}, for volumes {@code [1, C, D, H, W]} on the grid of a NIfTI input, with its
 *       geometry: {@code C = 1} a float32 image; {@code C > 1} a float32 NIfTI vector image ({@link
 *       NiftiWriter#writeVectorTo}: {@code dim = [5, W, H, D, 1, C]}, intent vector, component {@code c} = channel
 *       {@code c}, values as in the array, e.g. a displacement field in voxels with channels (D, H, W)); label maps
 *       in the smallest of uint8, int16, int32 that holds their values.</li>
 * </ul>
 */
public final class TensorWriter {

    private TensorWriter() {
    }

    /**
     * Checks, before any work is done, that an output can be written as its name asks.
     *
     * @param volume   whether the array will be a volume {@code [1, C, D, H, W]} (only volumes can be NIfTI)
     * @param geometry the NIfTI input's geometry, or null when the inputs were {@code .npy}
     * @throws VolumeFileException when the name is of no known kind, or asks for NIfTI where it cannot be written
     */
    public static TensorFormat requireWritable(Path file, boolean volume, VolumeGeometry geometry)
            throws VolumeFileException {
        TensorFormat format = TensorFormat.of(file);
        if (format == TensorFormat.NIFTI && !volume) {
            throw new VolumeFileException(file, "this output is not a volume on the image grid: write it as .npy");
        }
        if (format == TensorFormat.NIFTI && geometry == null) {
            throw new VolumeFileException(file, "a NIfTI output needs a NIfTI input (its geometry); the input was"
                    + " .npy: write .npy");
        }
        if (Files.isDirectory(file)) {
            throw new VolumeFileException(file, "is a folder, not a file name");
        }
        return format;
    }

    /** Writes an array (see the class comment); {@code geometry} is needed for NIfTI only. */
    public static void write(INDArray array, Path file, VolumeGeometry geometry) throws IOException {
        if (requireWritable(file, isVolume(array), geometry) == TensorFormat.NPY) {
            writeNpy(array.castTo(DataType.FLOAT), file);
            return;
        }
        List<Volume> channels = channels(array, geometry);
        NiftiWriter writer = NiftiWriter.builder().optDescription("gvsl").build();
        if (channels.size() == 1) {
            writer.writeTo(channels.get(0), file);
        } else {
            writer.writeVectorTo(channels, file);
        }
    }

    /**
     * Writes a label map {@code [1, 1, D, H, W]} of integers: int32 {@code .npy}, or NIfTI of the smallest integer
     * type that holds its values.
     */
    public static void writeLabels(INDArray labels, Path file, VolumeGeometry geometry) throws IOException {
        if (requireWritable(file, isVolume(labels), geometry) == TensorFormat.NPY) {
            writeNpy(labels.castTo(DataType.INT32), file);
            return;
        }
        Volume v = channels(labels, geometry).get(0);
        double[] range = v.range();
        NiftiDataType type = Arrays.stream(new NiftiDataType[] {NiftiDataType.UINT8, NiftiDataType.INT16})
                .filter(t -> range[0] >= t.minValue() && range[1] <= t.maxValue())
                .findFirst().orElse(NiftiDataType.INT32);
        NiftiWriter.builder().optDataType(type).optDescription("gvsl labels").build().writeTo(v, file);
    }

    private static boolean isVolume(INDArray a) {
        return a.rank() == 5 && a.size(0) == 1;
    }

    private static void writeNpy(INDArray array, Path file) throws IOException {
        byte[] bytes = Nd4j.toNpyByteArray(array.dup('c'));
        AtomicFile.write(file, tmp -> Files.write(tmp, bytes));
    }

    /** The channels of {@code [1, C, D, H, W]} as volumes with the geometry. */
    private static List<Volume> channels(INDArray array, VolumeGeometry geometry) {
        long[] s = array.shape();
        VolumeShape shape = new VolumeShape((int) s[2], (int) s[3], (int) s[4]);
        float[] all = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        List<Volume> channels = new ArrayList<>();
        int n = shape.voxelCount();
        for (int c = 0; c < s[1]; c++) {
            channels.add(Volume.adopt(shape, Arrays.copyOfRange(all, c * n, (c + 1) * n), geometry));
        }
        return channels;
    }
}
