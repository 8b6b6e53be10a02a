package org.gvsl.data.synthetic;

import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticCohortWriterTest {

    @Test
    void writesADatasetFolderThatTheRealPipelineReads(@TempDir Path dir) throws IOException {
        SyntheticAnatomy generator = SyntheticAnatomy.builder().optShape(VolumeShape.cube(16)).optSeed(2).build();
        SyntheticCohortWriter.write(generator, dir, 3);
        Dataset d = Dataset.fromFolder(dir);
        assertEquals(3, d.size());
        for (int i = 0; i < 3; i++) {
            DatasetItem item = d.items().get(i);
            SyntheticCase c = generator.generate(i);
            assertEquals(NiftiDataType.INT16, NiftiReader.readHeader(item.image()).datatype());
            assertEquals(NiftiDataType.UINT8, NiftiReader.readHeader(item.labels()).datatype());
            assertArrayEquals(c.image().toArray(), NiftiReader.readVolume(item.image()).toArray(), 0);
            assertArrayEquals(c.labels().toArray(), NiftiReader.readVolume(item.labels()).toArray(), 0);
            assertEquals(c.classLabel(), item.classOf().getAsInt());
        }
        String e = assertThrows(IllegalArgumentException.class, () -> SyntheticCohortWriter.write(generator, dir, 0)).getMessage();
        assertTrue(e.contains("count must be >= 1, got 0"), e);
    }
}
