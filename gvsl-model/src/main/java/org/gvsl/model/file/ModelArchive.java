package org.gvsl.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.core.io.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip container of gvsl's model files, and the reading rules they share, written once: the pre-trained model
 * file ({@link ModelFile}) and the downstream model file ({@link TransferModelFile}) are each a zip archive of a
 * JSON manifest, one payload entry and optionally the writer's run configuration, and differ only in their
 * {@link Layout}.
 *
 * <p>Opening names a missing file and an unreadable (truncated, corrupt, non-zip) one; every entry read has its
 * CRC-32 checked; {@link #manifest} checks that the archive is the expected kind of file (naming the other kind of
 * model file, an {@code .npz} state dict, or another zip when it is not), that the manifest is JSON and says the
 * expected {@code format} and {@code formatVersion}. Every problem is a {@link ModelFormatException} whose message
 * starts with the file.
 */
final class ModelArchive implements AutoCloseable {

    /**
     * What distinguishes one kind of model file: its manifest entry, the {@code format} and {@code formatVersion}
     * the manifest says, its payload entry, and how messages name it.
     *
     * @param manifest the manifest entry, e.g. {@code gvsl-model.json}
     * @param format   the manifest's {@code format}, e.g. {@code gvsl-model}
     * @param version  the format version this code writes and reads
     * @param payload  the entry holding the weights, e.g. {@code graph.fb}
     * @param noun     how messages call the file, e.g. {@code model file}
     * @param kind     what model it holds, e.g. {@code a pre-trained model}
     * @param usedBy   the commands that take it, for the message when it is given to another
     */
    record Layout(String manifest, String format, int version, String payload, String noun, String kind,
                  String usedBy) {

        /** The entries of this kind of file, for messages. */
        String entries() {
            return manifest + ", " + payload + " and optionally " + ModelFile.RUN_CONFIG;
        }
    }

    /** The kinds of model file that are told apart from each other. */
    private static List<Layout> known() {
        return List.of(ModelFile.LAYOUT, TransferModelFile.LAYOUT);
    }

    private final ZipFile zip;
    private final String origin;

    private ModelArchive(ZipFile zip, String origin) {
        this.zip = zip;
        this.origin = origin;
    }

    /**
     * Opens a zip archive for reading.
     *
     * @throws ModelFormatException naming the file when it is missing or not a readable zip archive
     * @throws IOException          when it cannot be read at all
     */
    static ModelArchive open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file.toString(), Files.exists(file) ? "not a regular file" : "no such file");
        }
        try {
            return new ModelArchive(new ZipFile(file.toFile()), file.toString());
        } catch (ZipException e) {
            throw new ModelFormatException(file.toString(), "not a readable zip archive (truncated or corrupt, or"
                    + " neither a gvsl model file nor an .npz state dict): " + e.getMessage(), e);
        }
    }

    /** The file, as messages name it. */
    String origin() {
        return origin;
    }

    /** Whether the archive holds an entry of this name. */
    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The first entries' names, for messages. */
    List<String> entryNames() {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).limit(8).toList();
    }

    /** The names of entries that are not {@code .npy} arrays (the first few), for messages. */
    List<String> nonArrayEntries() {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).filter(n -> !n.endsWith(".npy"))
                .limit(5).toList();
    }

    /** Whether this is an {@code .npz} state dict: at least one entry, every one an {@code .npy} array. */
    boolean isStateDict() {
        return zip.size() > 0 && nonArrayEntries().isEmpty();
    }

    /** The kind of model file whose manifest the archive holds, if any. */
    Optional<Layout> layout() {
        return known().stream().filter(l -> has(l.manifest())).findFirst();
    }

    /**
     * The bytes of an entry of a file of {@code layout}, its CRC checked.
     *
     * @throws ModelFormatException when it is missing (listing what the file should and does hold) or corrupt
     */
    byte[] entry(String name, Layout layout) throws ModelFormatException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException(origin, "no entry " + name + " (a " + layout.noun() + " holds "
                    + layout.entries() + "; this one holds " + entryNames() + ")");
        }
        CRC32 crc = new CRC32();
        byte[] bytes;
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFormatException(origin, "entry " + name + " is corrupt (" + e.getMessage() + ")", e);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new ModelFormatException(origin, "entry " + name + " is corrupt (its CRC-32 does not match)");
        }
        return bytes;
    }

    /** The writer's run configuration ({@value ModelFile#RUN_CONFIG}, UTF-8), if present. */
    Optional<String> runConfig(Layout layout) throws ModelFormatException {
        return has(ModelFile.RUN_CONFIG)
                ? Optional.of(new String(entry(ModelFile.RUN_CONFIG, layout), StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /**
     * The manifest of a file of {@code expected} layout, checked: present, JSON, its {@code format} and
     * {@code formatVersion} the layout's.
     *
     * @throws ModelFormatException naming the kind of file it is instead (another kind of model file, an
     *                              {@code .npz} state dict, another zip), or what is wrong with the manifest
     */
    JsonNode manifest(Layout expected) throws ModelFormatException {
        if (!has(expected.manifest())) {
            Optional<Layout> other = layout();
            if (other.isPresent()) {
                Layout found = other.get();
                throw new ModelFormatException(origin, found.kind() + " (" + found.format() + "), not "
                        + expected.kind() + ": use it with " + found.usedBy());
            }
            throw new ModelFormatException(origin, isStateDict()
                    ? "an .npz state dict, not a gvsl " + expected.noun() + " (" + expected.kind() + " is used with "
                    + expected.usedBy() + ")"
                    : "not a gvsl " + expected.noun() + ": a zip archive without " + expected.manifest() + " (entries "
                    + entryNames() + ")");
        }
        String name = expected.manifest();
        JsonNode tree;
        try {
            tree = ModelJson.mapper().readTree(entry(name, expected));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(origin, name + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(origin, name + " cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !expected.format().equals(tree.path("format").asText(null))) {
            throw new ModelFormatException(origin, "not a gvsl " + expected.noun() + ": " + name
                    + " does not say \"format\": \"" + expected.format() + "\"");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral()) {
            throw new ModelFormatException(origin, name + " has no integer \"formatVersion\"");
        }
        if (version.asInt() != expected.version()) {
            throw new ModelFormatException(origin, expected.noun() + " format version " + version.asText()
                    + "; this gvsl (" + Provenance.writerVersion() + ") reads version " + expected.version()
                    + (version.asInt() > expected.version() ? " (written by a newer gvsl: upgrade to read it)" : ""));
        }
        return tree;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Writes a zip archive of these entries, in this order, deflated, atomically ({@link AtomicFile}): a reader
     * never sees a partly written file.
     *
     * @param entries each entry's bytes, from its buffer's position to its limit
     */
    static void write(Path file, Map<String, ByteBuffer> entries) throws IOException {
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, ByteBuffer> e : entries.entrySet()) {
                    ByteBuffer b = e.getValue();
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                    zip.closeEntry();
                }
            }
        });
    }
}
