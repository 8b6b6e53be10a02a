package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a configuration from layers of overrides, later layers winning: the {@link Profile}'s defaults, then
 * e.g. a config file, then the command line. The profile follows from the merged {@code data} key (none: the
 * demo; a folder: the paper's run). Nested objects ({@code model}) merge key by key; any other value replaces the
 * one below it, so {@code "data": null} in a later layer returns to the synthetic data.
 */
public final class ConfigLayers {

    private ConfigLayers() {
    }

    /**
     * One layer of overrides.
     *
     * @param name   where the values come from, for messages (a file name, "the command line")
     * @param values keys as in {@code config.json}, {@code model} nested
     */
    public record Layer(String name, ObjectNode values) {
    }

    /**
     * The validated configuration of these layers over the profile's defaults.
     *
     * @throws ConfigException naming the key, the bad value and the layer it came from: an unknown key, a value of
     *                         the wrong type, or one that fails {@link PretrainConfig}'s validation
     */
    public static PretrainConfig resolve(List<Layer> layers) throws ConfigException {
        ObjectNode user = ConfigJson.JSON.createObjectNode();
        for (Layer layer : layers) {
            merge(user, layer.values());
        }
        JsonNode data = user.get("data");
        Profile profile = data == null || data.isNull() ? Profile.DEMO : Profile.PAPER;
        ObjectNode full = ConfigJson.toTree(PretrainConfig.defaults(profile));
        merge(full, user);
        try {
            return ConfigJson.JSON.treeToValue(full, PretrainConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("invalid configuration: " + cause.getMessage() + sources(layers), e);
        } catch (UnrecognizedPropertyException e) {
            String key = path(e);
            throw new ConfigException("unknown key '" + key + "'" + origin(layers, key) + "; known keys"
                    + (e.getPath().size() > 1 ? " there" : "") + ": " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
        } catch (JsonMappingException e) {
            String key = path(e);
            throw new ConfigException("bad value for '" + key + "'" + origin(layers, key) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + firstLine(e.getOriginalMessage()) + sources(layers), e);
        }
    }

    /** Merges {@code top} into {@code base}: objects key by key (recursively), other values replaced. */
    static void merge(ObjectNode base, ObjectNode top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode below = base.get(e.getKey());
            if (below instanceof ObjectNode b && e.getValue() instanceof ObjectNode t) {
                merge(b, t);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** The dotted key of a mapping error, e.g. {@code model.nccWindow}. */
    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** " in LAYER" for the last layer that sets the dotted key (or nothing when only the defaults do). */
    private static String origin(List<Layer> layers, String dottedKey) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            JsonNode node = layers.get(i).values();
            for (String part : dottedKey.replaceAll("\\[\\d+]", "").split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node != null) {
                return " in " + layers.get(i).name();
            }
        }
        return "";
    }

    private static String sources(List<Layer> layers) {
        List<String> names = new ArrayList<>(layers.stream().map(Layer::name).toList());
        java.util.Collections.reverse(names);
        return names.isEmpty() ? "" : " (from " + String.join(" over ", names) + " over the defaults)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
