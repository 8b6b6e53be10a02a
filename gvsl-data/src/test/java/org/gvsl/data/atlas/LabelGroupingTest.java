package org.gvsl.data.atlas;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelGroupingTest {

    @TempDir
    Path dir;

    @Test
    void groupsAnMricronLookupTableByCodeThousands() throws IOException {
        Path txt = dir.resolve("aal.nii.txt");
        Files.writeString(txt, "1 Precentral_L 2001\n2 Precentral_R 2002\n3 Insula_L 3001\n4 Cerebelum_3_L 9021\n\n");
        LabelGrouping g = LabelGrouping.byCodeThousands(txt);
        assertEquals(1, g.groupOf(1));
        assertEquals(1, g.groupOf(2));
        assertEquals(2, g.groupOf(3));
        assertEquals(3, g.groupOf(4));
        assertEquals(0, g.groupOf(0));
        assertEquals(0, g.groupOf(99));
        assertEquals(3, g.groupCount());
        Volume labels = new Volume(new VolumeShape(1, 1, 5), new float[] {0, 1, 2, 3, 4}, VolumeGeometry.unit());
        assertArrayEquals(new float[] {0, 1, 1, 2, 3}, g.apply(labels).toArray(), 0);
        Files.writeString(txt, "1 Precentral_L two-thousand\n");
        assertTrue(assertThrows(IOException.class, () -> LabelGrouping.byCodeThousands(txt)).getMessage().contains("line 1"));
    }

    @Test
    void readsACsvOfLabelAndGroup() throws IOException {
        Path csv = dir.resolve("groups.csv");
        Files.writeString(csv, "label,group\n5,1\n6,1\n7,2\n");
        LabelGrouping g = LabelGrouping.fromCsv(csv);
        assertEquals(1, g.groupOf(6));
        assertEquals(2, g.groupOf(7));
        Files.writeString(csv, "label,group\n5,x\n");
        assertTrue(assertThrows(IOException.class, () -> LabelGrouping.fromCsv(csv)).getMessage().contains("line 2"));
    }
}
