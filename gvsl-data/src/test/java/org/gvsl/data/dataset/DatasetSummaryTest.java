package org.gvsl.data.dataset;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetSummaryTest {

    @Test
    void oneLinePerFileWithShapeSpacingOrientationTypeRangeAndLabels(@TempDir Path dir) throws IOException {
        VolumeShape s = new VolumeShape(2, 3, 4);
        float[] image = new float[s.voxelCount()];
        float[] labels = new float[s.voxelCount()];
        for (int i = 0; i < image.length; i++) {
            image[i] = i * 0.5f - 3;
            labels[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 2 : 7;
        }
        VolumeGeometry g = VolumeGeometry.ofSpacing(3, 2, 0.5);
        NiftiWriter.write(new Volume(s, image, g), dir.resolve("images/a.nii.gz"), NiftiDataType.FLOAT32);
        NiftiWriter.write(new Volume(s, labels, g), dir.resolve("labels/a.nii.gz"), NiftiDataType.UINT8);
        Files.write(dir.resolve("images/broken.nii"), new byte[] {0x5C, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}); // sizeof_hdr 348, then nothing

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatasetSummary.Counts counts = DatasetSummary.write(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(new DatasetSummary.Counts(2, 1), counts);
        assertEquals("images/a.nii.gz  shape [2, 3, 4]  spacing (3.000, 2.000, 0.5000) mm  RAS  float32  range [-3, 8.5]", lines[0]);
        assertTrue(lines[1].startsWith("images/broken.nii  ERROR: ") && lines[1].contains("truncated header: 10 of 348 bytes"), lines[1]);
        assertEquals("labels/a.nii.gz  shape [2, 3, 4]  spacing (3.000, 2.000, 0.5000) mm  RAS  uint8  range [0, 7]  labels 3", lines[2]);
        assertTrue(lines[3].startsWith("2 volume(s) read, 1 could not be read"));
    }

    @Test
    void countsDistinctValuesOfWideAndScaledData() {
        Volume v = new Volume(new VolumeShape(1, 1, 4), new float[] {0.5f, 1.5f, 0.5f, 1e9f}, VolumeGeometry.unit());
        assertEquals(3, DatasetSummary.countDistinct(v, v.range()));
    }
}
