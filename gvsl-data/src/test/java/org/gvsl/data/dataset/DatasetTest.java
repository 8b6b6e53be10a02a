package org.gvsl.data.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String n : names) {
            Path p = dir.resolve(n);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[1]);
        }
    }

    @Test
    void imagesAndLabelsFoldersWithClasses() throws IOException {
        touch("images/a.nii.gz", "images/b.nii.gz", "labels/a.nii.gz");
        Files.writeString(dir.resolve("classes.csv"), "image,class\na,1\nb.nii.gz,0\n");
        Dataset d = Dataset.fromFolder(dir);
        assertEquals(2, d.size());
        DatasetItem a = d.items().get(0);
        assertEquals(dir.resolve("images/a.nii.gz"), a.image());
        assertEquals(dir.resolve("labels/a.nii.gz"), a.labelMap().orElseThrow());
        assertEquals(OptionalInt.of(1), a.classOf());
        assertTrue(d.items().get(1).labelMap().isEmpty());
        assertEquals(OptionalInt.of(0), d.items().get(1).classOf());
        Dataset relabelled = d.withClassLabels(ClassLabels.of(Map.of("a", 5)));
        assertEquals(OptionalInt.of(5), relabelled.items().get(0).classOf());
        assertEquals(OptionalInt.empty(), relabelled.items().get(1).classOf());
    }

    @Test
    void plainFolderIsSearchedRecursively() throws IOException {
        touch("x/1.nii", "y/z/2.nii.gz", "notes.txt");
        assertEquals(List.of(dir.resolve("x/1.nii"), dir.resolve("y/z/2.nii.gz")),
                Dataset.fromFolder(dir).items().stream().map(DatasetItem::image).toList());
    }

    @Test
    void listFileWithRelativePathsAndComments() throws IOException {
        touch("img/1.nii", "seg/1.nii", "img/2.nii");
        Path list = dir.resolve("train.csv");
        Files.writeString(list, "# image,labels\nimg/1.nii,seg/1.nii\n\nimg/2.nii\n");
        Dataset d = Dataset.fromListFile(list);
        assertEquals(2, d.size());
        assertEquals(dir.resolve("seg/1.nii"), d.items().get(0).labels());
        Files.writeString(list, "img/1.nii\nimg/missing.nii\n");
        String message = assertThrows(IOException.class, () -> Dataset.fromListFile(list)).getMessage();
        assertTrue(message.contains("line 2: no such file") && message.contains("missing.nii"), message);
    }

    @Test
    void emptyOrMissingFoldersAreErrors() throws IOException {
        String empty = assertThrows(IOException.class, () -> Dataset.fromFolder(dir)).getMessage();
        assertEquals("no .nii or .nii.gz files in " + dir, empty);
        String missing = assertThrows(IOException.class, () -> Dataset.fromFolder(dir.resolve("nope"))).getMessage();
        assertEquals("dataset folder does not exist: " + dir.resolve("nope"), missing);
    }
}
