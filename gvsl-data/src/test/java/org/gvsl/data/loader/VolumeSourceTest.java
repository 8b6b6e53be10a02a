package org.gvsl.data.loader;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeSourceTest {

    private static Path write(Path dir, String name, float[] values, NiftiDataType type) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.write(new Volume(new VolumeShape(1, 2, values.length / 2), values, VolumeGeometry.unit()), file, type);
        return file;
    }

    @Test
    void aLabelMapLoadsWhenEveryVoxelIsAClass(@TempDir Path dir) throws IOException {
        Path file = write(dir, "ok.nii.gz", new float[] {0, 1, 2, 0}, NiftiDataType.UINT8);
        Volume labels = VolumeSource.labelMap(file, Preprocessing.orientationOnly(), 3).load();
        assertArrayEquals(new float[] {0, 1, 2, 0}, labels.toArray(), 0f);
    }

    @Test
    void aLabelOutsideTheClassesOrNotAnIntegerNamesTheFileVoxelAndValue(@TempDir Path dir) throws IOException {
        Path big = write(dir, "big.nii.gz", new float[] {0, 1, 0, 3}, NiftiDataType.UINT8);
        IOException e = assertThrows(IOException.class,
                () -> VolumeSource.labelMap(big, Preprocessing.orientationOnly(), 3).load());
        assertTrue(e.getMessage().contains("big.nii.gz") && e.getMessage().contains("label 3.0")
                && e.getMessage().contains("(0, 1, 1)") && e.getMessage().contains("[0, 3)"), e.getMessage());
        Path soft = write(dir, "soft.nii", new float[] {0, 0.5f}, NiftiDataType.FLOAT32);
        e = assertThrows(IOException.class, () -> VolumeSource.labelMap(soft, Preprocessing.orientationOnly(), 3).load());
        assertTrue(e.getMessage().contains("label 0.5") && e.getMessage().contains("not an integer"), e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> VolumeSource.labelMap(big, Preprocessing.orientationOnly(), 0));
        assertTrue(a.getMessage().contains("got 0"), a.getMessage());
    }
}
