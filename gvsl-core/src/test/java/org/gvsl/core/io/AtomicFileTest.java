package org.gvsl.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFileTest {

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(Path::getFileName).toList();
        }
    }

    @Test
    void replacesTheFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/config.json");
        AtomicFile.write(file, tmp -> Files.writeString(tmp, "old"));
        AtomicFile.write(file, tmp -> Files.writeString(tmp, "new"));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(Path.of("config.json")), entries(file.getParent()));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "the umask's permissions, not owner-only");
    }

    @Test
    void aFailedWriteKeepsTheOldContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("losses.csv");
        Files.writeString(file, "kept");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("kept", Files.readString(file));
        assertEquals(List.of(Path.of("losses.csv")), entries(dir));
    }

    @Test
    void aTemporaryFolderIsAHiddenSibling(@TempDir Path dir) throws Exception {
        Path folder = AtomicFile.temporaryFolder(dir.resolve("step-000010"));
        assertTrue(Files.isDirectory(folder));
        assertTrue(folder.getFileName().toString().startsWith(".tmp-step-000010-"), folder.toString());
        AtomicFile.move(folder, dir.resolve("step-000010"));
        assertEquals(List.of(Path.of("step-000010")), entries(dir));
    }
}
