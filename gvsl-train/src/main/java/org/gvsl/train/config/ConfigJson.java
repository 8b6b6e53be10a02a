package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.model.network.UNetWidths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Configuration records (e.g. {@link PretrainConfig}) as JSON (written beside the weights) and JSON or YAML (read
 * from files), with the same keys both ways: the record components, nested records as nested objects (so the
 * option key {@code model.widths} is {@code widths} inside {@code model}). Widths are written as an array of 9
 * integers and read from such an array or from a string ({@code "paper"}, {@code "narrow"} or {@code "8,16,…"});
 * paths are plain strings; enum names are read case-insensitively.
 */
public final class ConfigJson {

    /** The JSON mapper (pretty-printed, strict: unknown keys and nulls for numbers are errors). */
    static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

    private ConfigJson() {
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(
            B builder) {
        SimpleModule module = new SimpleModule("gvsl-config");
        module.addSerializer(UNetWidths.class, new WidthsSerializer());
        module.addDeserializer(UNetWidths.class, new WidthsDeserializer());
        module.addSerializer(Path.class, new PathSerializer());
        module.addDeserializer(Path.class, new PathDeserializer());
        return builder.addModule(module)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    /** The JSON mapper with this class's rules, for records that embed a configuration (e.g. checkpoint state). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** A configuration record as a JSON tree. */
    public static ObjectNode toTree(Record config) {
        return JSON.valueToTree(config);
    }

    /** A configuration record as pretty-printed JSON text. */
    public static String toJson(Record config) {
        try {
            return JSON.writeValueAsString(config) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as JSON", e);
        }
    }

    /** Writes {@link #toJson} to a file atomically ({@link AtomicFile}). */
    public static void write(Record config, Path file) throws IOException {
        String json = toJson(config);
        AtomicFile.write(file, tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
    }

    /**
     * Reads a configuration file into a tree of key–value overrides, as YAML for {@code .yaml}/{@code .yml} and
     * JSON otherwise. Keys are not checked here ({@link ConfigLayers#resolve} does).
     *
     * @throws ConfigException naming the file when it is missing, unreadable, malformed, empty or not a mapping
     */
    public static ObjectNode readFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        JsonNode tree;
        try {
            tree = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot parse config file " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException("config file " + file + " is empty");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException("config file " + file + " must hold a mapping of keys to values, got a "
                    + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    /** The node at a dotted key ({@code model.widths}); null where a part is missing or not an object. */
    public static JsonNode get(JsonNode tree, String dottedKey) {
        JsonNode node = tree;
        for (String part : dottedKey.split("\\.")) {
            node = node instanceof ObjectNode object ? object.get(part) : null;
        }
        return node;
    }

    /** Sets the node at a dotted key, making the objects above it. */
    public static void put(ObjectNode tree, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]) instanceof ObjectNode inner ? inner : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** Writes widths as {@code [c0, …, c8]}. */
    private static final class WidthsSerializer extends JsonSerializer<UNetWidths> {
        @Override
        public void serialize(UNetWidths widths, JsonGenerator gen, SerializerProvider provider) throws IOException {
            int[] c = widths.toArray();
            gen.writeArray(c, 0, c.length);
        }
    }

    /** Reads widths from {@code [c0, …, c8]}, {@code "c0,…,c8"}, {@code "paper"} or {@code "narrow"}. */
    private static final class WidthsDeserializer extends JsonDeserializer<UNetWidths> {
        @Override
        public UNetWidths deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                if (p.currentToken() == JsonToken.START_ARRAY) {
                    return UNetWidths.of(ctxt.readValue(p, int[].class));
                }
                return UNetWidths.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p,
                        e.getMessage(), p.getText(), UNetWidths.class);
            }
        }
    }

    /** Writes a path as its plain string. */
    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path path, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(path.toString());
        }

        @Override
        public Class<Path> handledType() {
            return Path.class;
        }
    }

    /** Reads a path from a plain string. */
    private static final class PathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Path) ctxt.handleUnexpectedToken(Path.class, p);
            }
            return Path.of(p.getText());
        }
    }
}
