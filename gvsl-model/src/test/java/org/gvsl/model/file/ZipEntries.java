package org.gvsl.model.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The entries of a zip archive (a model file) as an ordered map and back, to make broken copies of a good file. */
final class ZipEntries {

    private ZipEntries() {
    }

    /** The archive's entries, in order, name to bytes. */
    static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    /** Writes {@code entries} in their order as the archive {@code file}; returns it. */
    static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A copy of {@code source} as {@code target} with the UTF-8 text entry {@code name} edited. */
    static Path withTextEntry(Path source, Path target, String name, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = read(source);
        String text = new String(entries.get(name), StandardCharsets.UTF_8);
        entries.put(name, edit.apply(text).getBytes(StandardCharsets.UTF_8));
        return write(target, entries);
    }
}
