package org.gvsl.data.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassLabelsTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackAndMatchesByStem() throws IOException {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("case_000.nii.gz", 1);
        m.put("case, with comma", 0);
        Path csv = dir.resolve("classes.csv");
        ClassLabels.of(m).write(csv);
        assertTrue(Files.readString(csv).startsWith("image,class"));
        ClassLabels read = ClassLabels.read(csv);
        assertEquals(OptionalInt.of(1), read.classOf(Path.of("/x/images/case_000.nii.gz")));
        assertEquals(OptionalInt.of(0), read.classOf(Path.of("case, with comma.nii")));
        assertEquals(OptionalInt.empty(), read.classOf(Path.of("other.nii")));
    }

    @Test
    void badTablesNameTheFileAndLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "image,class\na.nii,1\nb.nii,yes\n");
        String message = assertThrows(IOException.class, () -> ClassLabels.read(csv)).getMessage();
        assertTrue(message.contains("bad.csv line 3: class \"yes\" of b.nii is not an integer"), message);
        Files.writeString(csv, "file,label\na.nii,1\n");
        String header = assertThrows(IOException.class, () -> ClassLabels.read(csv)).getMessage();
        assertTrue(header.contains("bad.csv: needs the header \"image,class\", found columns [file, label]"), header);
        Files.writeString(csv, "image,class\na.nii,1\na.nii.gz,0\n");
        String twice = assertThrows(IOException.class, () -> ClassLabels.read(csv)).getMessage();
        assertTrue(twice.contains("bad.csv line 3: image a.nii.gz is listed twice"), twice);
    }
}
