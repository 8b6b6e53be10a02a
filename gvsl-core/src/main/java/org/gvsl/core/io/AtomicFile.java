package org.gvsl.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file or folder atomically: the content goes to a temporary sibling ({@code .NAME.tmp-…}), is forced to
 * disk and renamed over the target with {@code ATOMIC_MOVE}, so the target is always either the old or the new
 * version, also when the process is killed. Temporaries get the default permissions (the umask), unlike
 * {@code Files.createTempFile}'s owner-only ones, so written files stay readable as the user expects.
 */
public final class AtomicFile {

    /** Prefix of temporary siblings. */
    public static final String TMP_PREFIX = ".tmp-";

    private AtomicFile() {
    }

    /** Writes the content to a path given to it (a file it creates). */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole content into {@code file}. */
        void write(Path file) throws IOException;
    }

    /** Writes {@code target} atomically with {@code writer}; the parent folder is created if missing. */
    public static void write(Path target, Writer writer) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            writer.write(tmp);
            force(tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty temporary folder beside {@code target}, to be filled and then {@link #move moved} onto it. */
    public static Path temporaryFolder(Path target) throws IOException {
        return Files.createDirectory(temporarySibling(target));
    }

    /** Forces a written file's content to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Renames {@code from} to {@code to} atomically, replacing a file (not a non-empty folder) at {@code to}.
     *
     * @throws IOException naming the target when the file system cannot rename atomically
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically, which run files need", e);
        }
    }

    private static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve(TMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    }
}
