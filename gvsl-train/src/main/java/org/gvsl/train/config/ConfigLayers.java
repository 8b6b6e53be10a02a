package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves a configuration from layers of overrides, later layers winning: the table's defaults, then e.g. a
 * config file, then the command line. The {@link Profile} follows from the merged value of the option that selects
 * it (for pre-training {@code data}: none, the demo; a folder, the paper's run). Nested objects ({@code model})
 * merge key by key; any other value replaces the one below it, so {@code "data": null} in a later layer returns to
 * the synthetic data.
 *
 * <p>Checked in this order, each failure naming the key, the value and the layer it came from: unknown keys, the
 * type of each value, each option's {@link Range} (and null where an option needs a value), then the record's own
 * checks (those that relate two values, and the model's).
 */
public final class ConfigLayers {

    private ConfigLayers() {
    }

    /**
     * One layer of overrides.
     *
     * @param name   where the values come from, for messages (a file name, "the command line")
     * @param values keys as in {@code config.json}, nested records nested
     */
    public record Layer(String name, ObjectNode values) {
    }

    /**
     * The validated configuration of these layers over the table's defaults.
     *
     * @throws ConfigException naming the key, the bad value and the layer it came from: an unknown key, a value of
     *                         the wrong type, one out of its option's range, or one that fails the record's checks
     */
    public static <C extends Record> C resolve(OptionTable<C> table, List<Layer> layers) throws ConfigException {
        ObjectNode user = ConfigJson.mapper().createObjectNode();
        for (Layer layer : layers) {
            merge(user, layer.values());
        }
        checkKeys(table, user, "", layers);
        ObjectNode full = table.defaults(table.profile(user));
        merge(full, user);
        for (ConfigOption<?> option : table.options()) {
            check(option, full, layers);
        }
        try {
            return ConfigJson.mapper().treeToValue(full, table.record());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("invalid configuration: " + cause.getMessage() + sources(layers), e);
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

    /** Every key of {@code values} (below {@code prefix}) is an option's, or a nested record holding options. */
    private static void checkKeys(OptionTable<?> table, ObjectNode values, String prefix, List<Layer> layers)
            throws ConfigException {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (table.option(key).isPresent()) {
                continue;
            }
            TreeSet<String> below = namesBelow(table, key + ".");
            if (below.isEmpty()) {
                throw new ConfigException("unknown key '" + key + "'" + origin(layers, key) + "; known keys"
                        + (prefix.isEmpty() ? "" : " there") + ": " + String.join(", ", namesBelow(table, prefix)));
            }
            if (!(e.getValue() instanceof ObjectNode nested)) {
                throw new ConfigException("bad value for '" + key + "'" + origin(layers, key) + ": expected an object"
                        + " with the keys " + String.join(", ", below) + ", got " + e.getValue());
            }
            checkKeys(table, nested, key + ".", layers);
        }
    }

    /** The names one level below a prefix ({@code ""}: the top level), sorted. */
    private static TreeSet<String> namesBelow(OptionTable<?> table, String prefix) {
        TreeSet<String> names = new TreeSet<>();
        for (ConfigOption<?> o : table.options()) {
            if (o.key().startsWith(prefix)) {
                String rest = o.key().substring(prefix.length());
                names.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return names;
    }

    private static <T> void check(ConfigOption<T> option, ObjectNode full, List<Layer> layers) throws ConfigException {
        T value;
        try {
            value = option.type().fromJson(ConfigJson.get(full, option.key()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad value for '" + option.key() + "'" + origin(layers, option.key()) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        }
        Optional<String> problem = option.problem(value);
        if (problem.isPresent()) {
            throw new ConfigException("invalid configuration: " + problem.get() + sources(layers));
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
            if (ConfigJson.get(layers.get(i).values(), dottedKey.replaceAll("\\[\\d+]", "")) != null) {
                return " in " + layers.get(i).name();
            }
        }
        return "";
    }

    private static String sources(List<Layer> layers) {
        List<String> names = new ArrayList<>(layers.stream().map(Layer::name).toList());
        Collections.reverse(names);
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
