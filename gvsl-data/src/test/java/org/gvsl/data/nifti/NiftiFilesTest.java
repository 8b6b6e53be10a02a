package org.gvsl.data.nifti;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NiftiFilesTest {

    @Test
    void stemsAndNames() {
        assertEquals("case_001", NiftiFiles.stem(Path.of("a/case_001.nii.gz")));
        assertEquals("x", NiftiFiles.stem(Path.of("x.NII")));
        assertEquals("notes.txt", NiftiFiles.stem(Path.of("notes.txt")));
    }

    @Test
    void findsNiftiFilesRecursivelySortedAndSkipsHiddenOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/c"));
        for (String f : List.of("b/c/z.nii.gz", "a.nii", "b/readme.txt", ".hidden.nii", "b/y.NII.GZ")) {
            Files.write(dir.resolve(f), new byte[1]);
        }
        assertEquals(List.of(dir.resolve("a.nii"), dir.resolve("b/c/z.nii.gz"), dir.resolve("b/y.NII.GZ")), NiftiFiles.find(dir));
        String e = assertThrows(IOException.class, () -> NiftiFiles.find(dir.resolve("missing"))).getMessage();
        assertEquals("not a folder: " + dir.resolve("missing"), e);
    }
}
