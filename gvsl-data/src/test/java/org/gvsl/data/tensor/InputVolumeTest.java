package org.gvsl.data.tensor;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiFormatException;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.preprocess.IntensityNormalization;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputVolumeTest {

    @TempDir
    Path dir;

    private Path npy(String name, INDArray array) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, Nd4j.toNpyByteArray(array));
        return file;
    }

    private static INDArray ramp(DataType type, long... shape) {
        return Nd4j.arange(24).castTo(DataType.DOUBLE).div(24).reshape(shape).castTo(type);
    }

    @Test
    void npyVolumesOfRankThreeOrFiveAreTakenAsTheyAre() throws IOException {
        INDArray dhw = ramp(DataType.DOUBLE, 2, 3, 4);
        InputVolume a = InputVolume.image(npy("a.npy", dhw), CtIntensity.hounsfield());
        assertArrayEquals(new long[] {1, 1, 2, 3, 4}, a.array().shape());
        assertEquals(DataType.FLOAT, a.array().dataType());
        assertEquals(dhw.getDouble(1, 2, 3), a.array().getDouble(0, 0, 1, 2, 3), 1e-7, "no intensity change for .npy");
        assertEquals(new VolumeShape(2, 3, 4), a.shape());
        assertFalse(a.hasGeometry());
        assertNull(a.geometry());

        InputVolume b = InputVolume.image(npy("b.data", ramp(DataType.FLOAT, 1, 1, 2, 3, 4)), IntensityNormalization.none());
        assertEquals(a.array(), b.array(), "recognised by content, whatever the name");
    }

    @Test
    void npyArraysOfOtherShapesAreRejectedWithTheirShape() throws IOException {
        Path four = npy("four.npy", ramp(DataType.FLOAT, 1, 2, 3, 4));
        VolumeFileException e = assertThrows(VolumeFileException.class,
                () -> InputVolume.image(four, IntensityNormalization.none()));
        assertEquals(four + ": a .npy volume must have shape [D, H, W] or [1, 1, D, H, W], got [1, 2, 3, 4]",
                e.getMessage());
        Path twoChannels = npy("two.npy", ramp(DataType.FLOAT, 1, 2, 1, 3, 4));
        e = assertThrows(VolumeFileException.class, () -> InputVolume.image(twoChannels, IntensityNormalization.none()));
        assertTrue(e.getMessage().endsWith("got [1, 2, 1, 3, 4]"), e.getMessage());
    }

    @Test
    void imagesMustBeFiniteAndLabelsIntegers() throws IOException {
        INDArray withNan = ramp(DataType.FLOAT, 2, 3, 4);
        withNan.putScalar(new long[] {0, 1, 2}, Float.NaN);
        Path nan = npy("nan.npy", withNan);
        VolumeFileException e = assertThrows(VolumeFileException.class,
                () -> InputVolume.image(nan, IntensityNormalization.none()));
        assertEquals(nan + ": voxel 6 (flat C-order index) is NaN: an image must be finite everywhere", e.getMessage());

        Path fractional = npy("frac.npy", ramp(DataType.FLOAT, 2, 3, 4));
        e = assertThrows(VolumeFileException.class, () -> InputVolume.labels(fractional));
        assertTrue(e.getMessage().contains("a label map must hold integers"), e.getMessage());
        INDArray labels = Nd4j.createFromArray(new int[] {0, 1, 2, 7, 0, 3}).reshape(1, 2, 3);
        assertEquals(7.0, InputVolume.labels(npy("labels.npy", labels)).array().maxNumber().doubleValue());
    }

    @Test
    void niftiImagesAreNormalisedOnTheirStoredGridAndKeepTheirGeometry() throws IOException {
        VolumeGeometry geometry = VolumeGeometry.ofSpacing(2, 1.5, 1);
        Volume hu = new Volume(new VolumeShape(2, 2, 3), new float[] {-2000, -1024, 0, 1024, 3000, 40, 0, 0, 0, 0, 0,
                -1024}, geometry);
        Path file = dir.resolve("ct.nii.gz");
        NiftiWriter.write(hu, file, NiftiDataType.INT16);
        InputVolume v = InputVolume.image(file, CtIntensity.hounsfield());
        assertArrayEquals(new long[] {1, 1, 2, 2, 3}, v.array().shape());
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1, 1064 / 2048f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0},
                v.array().data().asFloat(), 1e-7f, "clip(HU + 1024, 0, 2048) / 2048, voxel order as stored");
        assertTrue(v.hasGeometry());
        assertArrayEquals(geometry.spacing(), v.geometry().spacing(), 1e-6);
        assertEquals(-2000.0, InputVolume.labels(file).array().minNumber().doubleValue(), "labels keep their values");
    }

    @Test
    void missingAndUnreadableFilesAreNamed() throws IOException {
        Path missing = dir.resolve("missing.nii.gz");
        VolumeFileException e = assertThrows(VolumeFileException.class,
                () -> InputVolume.image(missing, IntensityNormalization.none()));
        assertEquals(missing + ": no such file", e.getMessage());
        Path text = dir.resolve("notes.nii");
        Files.writeString(text, "not an image");
        NiftiFormatException n = assertThrows(NiftiFormatException.class,
                () -> InputVolume.image(text, IntensityNormalization.none()));
        assertTrue(n.getMessage().startsWith(text + ": "), n.getMessage());
        Path brokenNpy = dir.resolve("broken.npy");
        byte[] bytes = Nd4j.toNpyByteArray(ramp(DataType.FLOAT, 2, 3, 4));
        Files.write(brokenNpy, java.util.Arrays.copyOf(bytes, 20));
        e = assertThrows(VolumeFileException.class, () -> InputVolume.image(brokenNpy, IntensityNormalization.none()));
        assertTrue(e.getMessage().startsWith(brokenNpy + ": not a readable .npy array"), e.getMessage());
    }
}
