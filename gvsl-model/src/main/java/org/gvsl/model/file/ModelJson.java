package org.gvsl.model.file;

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
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.network.UNetWidths;

import java.io.IOException;

/**
 * The JSON form of the model configuration ({@link GvslConfig}: its record components as keys, widths as an array
 * {@code [c0, …, c8]}) and of the other records of a model file. The same form is the {@code model} object of a
 * pre-training run's {@code config.json}, so both are read by one piece of code.
 *
 * <pre>
 *   {"widths": [8, 16, 32, 64, 128, 64, 32, 16, 8], "nccWindow": 9, "lambdaSmooth": 1.0, "lambdaMse": 1.0,
 *    "variant": "FULL", "seed": 1, "learningRate": 1.0E-4, "beta1": 0.9, "beta2": 0.999, "adamEpsilon": 1.0E-8}
 * </pre>
 * Widths are read from that array or from text ({@code "paper"}, {@code "narrow"}, {@code "8,16,…"}); enum names
 * case-insensitively; unknown and missing keys are errors.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private ModelJson() {
    }

    /** The Jackson module that writes and reads {@link UNetWidths} as above, for mappers that embed a config. */
    public static Module module() {
        SimpleModule module = new SimpleModule("gvsl-model");
        module.addSerializer(UNetWidths.class, new WidthsSerializer());
        module.addDeserializer(UNetWidths.class, new WidthsDeserializer());
        return module;
    }

    /** This class's mapper (pretty-printed, strict). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The configuration as pretty-printed JSON text. */
    public static String toJson(GvslConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model configuration as JSON", e);
        }
    }

    /**
     * The configuration in a JSON tree.
     *
     * @param origin names the tree in messages (e.g. {@code run/config.json, key "model"})
     * @throws ModelFormatException when the tree is not a valid configuration
     */
    public static GvslConfig readConfig(JsonNode tree, String origin) throws ModelFormatException {
        return read(tree, GvslConfig.class, origin, "model configuration");
    }

    /** A record of this package from a JSON tree, with a one-line message naming {@code origin} on failure. */
    static <T> T read(JsonNode tree, Class<T> type, String origin, String what) throws ModelFormatException {
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            throw new ModelFormatException(origin, "no " + what);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String detail = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
            throw new ModelFormatException(origin, "invalid " + what + ": " + detail, e);
        }
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
                throw InvalidFormatException.from(p, e.getMessage(), p.getText(), UNetWidths.class);
            }
        }
    }
}
