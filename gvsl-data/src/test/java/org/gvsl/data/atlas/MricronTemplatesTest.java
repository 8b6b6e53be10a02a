package org.gvsl.data.atlas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MricronTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void namesThePackagesFiles() {
        assertEquals(Path.of("/usr/share/mricron/templates/ch2bet.nii.gz"), MricronTemplates.image());
        assertEquals(Path.of("/usr/share/mricron/templates/aal.nii.gz"), MricronTemplates.atlas());
        assertEquals(Files.isRegularFile(MricronTemplates.atlas()) && Files.isRegularFile(MricronTemplates.image())
                && Files.isRegularFile(MricronTemplates.FOLDER.resolve("aal.nii.txt")), MricronTemplates.installed());
    }

    /* aal.nii.gz's table is aal.nii.txt beside it: codes 2001, 2002 → lobe 1; 4101 → lobe 2. */
    @Test
    void groupsAnAtlasByTheTableBesideIt() throws IOException {
        Files.writeString(dir.resolve("atlas.nii.txt"), "1 Precentral_L 2001\n2 Precentral_R 2002\n3 Insula_L 4101\n");
        LabelGrouping lobes = MricronTemplates.lobes(dir.resolve("atlas.nii.gz"));
        assertEquals(1, lobes.groupOf(1));
        assertEquals(1, lobes.groupOf(2));
        assertEquals(2, lobes.groupOf(3));
        assertEquals(2, lobes.groupCount());
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> MricronTemplates.lobes(dir.resolve("other.nii")));
        assertTrue(missing.getMessage().endsWith("other.nii.txt"), missing.getMessage());
    }
}
