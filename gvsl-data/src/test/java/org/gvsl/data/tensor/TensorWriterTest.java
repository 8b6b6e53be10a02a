package org.gvsl.data.tensor;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiHeader;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorWriterTest {

    @TempDir
    Path dir;

    private static final VolumeGeometry GEOMETRY = new VolumeGeometry(new double[] {2, 1.5, 1},
            new double[][] {{-1, 0, 0, 10}, {0, -1.5, 0, 20}, {0, 0, 2, -5}, {0, 0, 0, 1}});

    private static INDArray volume(long channels) {
        return Nd4j.arange(channels * 2 * 3 * 4).castTo(DataType.DOUBLE).mul(0.25).sub(3).reshape(1, channels, 2, 3, 4);
    }

    @Test
    void npyKeepsTheLayoutInFloat32() throws IOException {
        Path file = dir.resolve("a.npy");
        INDArray affine = Nd4j.arange(12).castTo(DataType.DOUBLE).div(11).reshape(1, 3, 4);
        TensorWriter.write(affine, file, null);
        INDArray read = Nd4j.createFromNpyFile(file.toFile());
        assertEquals(DataType.FLOAT, read.dataType());
        assertArrayEquals(new long[] {1, 3, 4}, read.shape());
        assertEquals(affine.castTo(DataType.FLOAT), read);
    }

    @Test
    void oneChannelIsAScalarNiftiImageAndSeveralAVectorImageOnTheInputGrid() throws IOException {
        INDArray warped = volume(1);
        Path w = dir.resolve("w.nii.gz");
        TensorWriter.write(warped, w, GEOMETRY);
        Volume read = NiftiReader.readVolume(w);
        assertArrayEquals(warped.castTo(DataType.FLOAT).data().asFloat(), read.toArray(), 0f);
        assertArrayEquals(GEOMETRY.affine()[1], read.geometry().affine()[1], 1e-6);

        INDArray field = volume(3);
        Path phi = dir.resolve("phi.nii");
        TensorWriter.write(field, phi, GEOMETRY);
        NiftiHeader header = NiftiReader.readHeader(phi);
        assertEquals(NiftiHeader.INTENT_VECTOR, header.intentCode());
        assertArrayEquals(new long[] {5, 4, 3, 2, 1, 3, 1, 1}, header.dim());
        for (int c = 0; c < 3; c++) {
            Volume component = NiftiReader.builder().optVolumeIndex(c).build().read(phi).volume();
            assertEquals(field.getFloat(0, c, 1, 2, 3), component.get(1, 2, 3), 0f, "channel " + c);
            assertEquals(field.getFloat(0, c, 0, 1, 0), component.get(0, 1, 0), 0f, "channel " + c);
        }
    }

    @Test
    void labelsTakeTheSmallestIntegerTypeInNiftiAndInt32InNpy() throws IOException {
        INDArray small = Nd4j.createFromArray(new float[] {0, 1, 2, 255, 4, 5}).reshape(1, 1, 1, 2, 3);
        INDArray signed = Nd4j.createFromArray(new float[] {0, -1, 2, 300, 4, 5}).reshape(1, 1, 1, 2, 3);
        INDArray large = Nd4j.createFromArray(new float[] {0, 1, 2, 70000, 4, 5}).reshape(1, 1, 1, 2, 3);
        TensorWriter.writeLabels(small, dir.resolve("u8.nii.gz"), GEOMETRY);
        TensorWriter.writeLabels(signed, dir.resolve("i16.nii.gz"), GEOMETRY);
        TensorWriter.writeLabels(large, dir.resolve("i32.nii.gz"), GEOMETRY);
        assertEquals(NiftiDataType.UINT8, NiftiReader.readHeader(dir.resolve("u8.nii.gz")).datatype());
        assertEquals(NiftiDataType.INT16, NiftiReader.readHeader(dir.resolve("i16.nii.gz")).datatype());
        assertEquals(NiftiDataType.INT32, NiftiReader.readHeader(dir.resolve("i32.nii.gz")).datatype());
        assertArrayEquals(large.data().asFloat(), NiftiReader.readVolume(dir.resolve("i32.nii.gz")).toArray(), 0f);

        TensorWriter.writeLabels(large, dir.resolve("labels.npy"), null);
        INDArray read = Nd4j.createFromNpyFile(dir.resolve("labels.npy").toFile());
        assertEquals(DataType.INT, read.dataType());
        assertEquals(70000, read.getInt(0, 0, 0, 1, 0));
    }

    @Test
    void niftiNeedsAVolumeAndAGeometry() {
        VolumeFileException e = assertThrows(VolumeFileException.class,
                () -> TensorWriter.write(volume(1), dir.resolve("w.nii.gz"), null));
        assertTrue(e.getMessage().contains("a NIfTI output needs a NIfTI input (its geometry)"), e.getMessage());
        e = assertThrows(VolumeFileException.class,
                () -> TensorWriter.write(Nd4j.zeros(1, 3, 4), dir.resolve("a.nii"), GEOMETRY));
        assertTrue(e.getMessage().contains("not a volume on the image grid: write it as .npy"), e.getMessage());
        e = assertThrows(VolumeFileException.class, () -> TensorWriter.requireWritable(dir, true, GEOMETRY));
        assertTrue(e.getMessage().contains("must end in .npy, .nii or .nii.gz"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("w.nii.gz")));
    }
}
