package org.gvsl.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A folder of reference cases described by its {@code manifest.json}: either a directory on disk or the copy
 * bundled with this module.
 */
public final class ReferenceCases {

    /** Class-path folder of the bundled copy of {@code shared/reference/cases}. */
    static final String BUNDLED_ROOT = "/org/gvsl/reference/cases/";

    private final String origin;
    private final FileReader reader;
    private final JsonNode manifest;

    /** Reads one file of the folder by its name. */
    @FunctionalInterface
    interface FileReader {
        byte[] read(String fileName) throws IOException;
    }

    private ReferenceCases(String origin, FileReader reader) {
        this.origin = origin;
        this.reader = reader;
        try {
            this.manifest = new ObjectMapper().readTree(reader.read("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest.json of reference cases in " + origin, e);
        }
        if (!manifest.has("cases")) {
            throw new IllegalArgumentException("manifest.json in " + origin + " has no \"cases\" object");
        }
    }

    /** The cases bundled with the project (seed 1, narrow widths). */
    public static ReferenceCases bundled() {
        return onClassPath(BUNDLED_ROOT, "bundled cases");
    }

    /**
     * The cases in a class-path folder holding a {@code manifest.json} (e.g. a test's own variant cases).
     *
     * @param root  the folder, absolute, ending in {@code /} (e.g. {@code /org/gvsl/reference/cases/})
     * @param label what the cases are, for messages
     */
    public static ReferenceCases onClassPath(String root, String label) {
        if (!root.startsWith("/") || !root.endsWith("/")) {
            throw new IllegalArgumentException("class-path root must start and end with '/', got " + root);
        }
        return new ReferenceCases(label + " (" + root + ")", name -> {
            try (InputStream in = ReferenceCases.class.getResourceAsStream(root + name)) {
                if (in == null) {
                    throw new NoSuchFileException(root + name);
                }
                return in.readAllBytes();
            }
        });
    }

    /** The cases in a directory holding a {@code manifest.json} in the reference format. */
    public static ReferenceCases open(Path directory) {
        if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
            throw new IllegalArgumentException("not a reference-case folder (no manifest.json): " + directory);
        }
        return new ReferenceCases(directory.toString(), name -> Files.readAllBytes(directory.resolve(name)));
    }

    /** Case names in manifest order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = manifest.get("cases").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** One case by name. */
    public ReferenceCase get(String name) {
        JsonNode node = manifest.get("cases").get(name);
        if (node == null) {
            throw new IllegalArgumentException("no case \"" + name + "\" in " + origin + "; cases: " + names());
        }
        return new ReferenceCase(name, node, this);
    }

    /**
     * Writes the named cases into {@code directory} in the same format: a {@code manifest.json} with the top-level
     * entries and only these cases, and every file they name (their arrays, JSON files and {@code weights_file}).
     * A copy to inspect, or to alter for a test.
     *
     * @throws IllegalArgumentException naming a case this folder lacks
     */
    public void extract(Collection<String> names, Path directory) throws IOException {
        ObjectNode copy = manifest.deepCopy();
        ObjectNode kept = copy.putObject("cases");
        Set<String> files = new LinkedHashSet<>();
        for (String name : names) {
            JsonNode node = get(name).node();
            kept.set(name, node);
            node.path("arrays").forEach(array -> files.add(array.get("file").asText()));
            node.path("json_files").fieldNames().forEachRemaining(files::add);
            if (node.has("weights_file")) {
                files.add(node.get("weights_file").asText());
            }
        }
        Files.createDirectories(directory);
        for (String file : files) {
            Files.write(directory.resolve(file), readFile(file));
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(directory.resolve("manifest.json").toFile(), copy);
    }

    /** Where the cases come from, for messages. */
    public String origin() {
        return origin;
    }

    byte[] readFile(String fileName) {
        try {
            return reader.read(fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + " of reference cases in " + origin, e);
        }
    }
}
