package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a resumed run: its saved {@code config.json} with the overrides that do not change what is
 * computed, the options marked {@link ConfigOption#resumable()} (for pre-training: how long to train, how often to
 * checkpoint, plot and preview, how many checkpoints to keep, UI statistics, loader workers, threads and the
 * bad-file policy). Any other change (crop, model, seed, data, …) would no longer continue the same run and is
 * refused; a value equal to the saved one is accepted for any key.
 */
public final class ResumeOverrides {

    private ResumeOverrides() {
    }

    /**
     * The saved configuration with the overrides applied.
     *
     * @param table     the command's options
     * @param saved     the run's {@code config.json}, named by its path
     * @param overrides keys given for the resume (e.g. from the command line)
     * @throws ConfigException naming every key that may not change (with both values), or a bad value
     */
    public static <C extends Record> C apply(OptionTable<C> table, ConfigLayers.Layer saved, ConfigLayers.Layer overrides)
            throws ConfigException {
        List<String> refused = new ArrayList<>();
        collectChanges(table, "", saved.values(), overrides.values(), refused);
        if (!refused.isEmpty()) {
            throw new ConfigException("a resumed run continues as it was configured; it cannot change " + String.join(", ",
                    refused) + ". Allowed when resuming: " + table.resumableKeys());
        }
        return ConfigLayers.resolve(table, List.of(saved, overrides));
    }

    private static void collectChanges(OptionTable<?> table, String prefix, ObjectNode saved, ObjectNode overrides,
                                       List<String> refused) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            Optional<ConfigOption<?>> option = table.option(key);
            if (option.isEmpty()) {
                if (e.getValue() instanceof ObjectNode nested) {
                    collectChanges(table, key + ".", saved, nested, refused);
                }
                continue;   // an unknown key: ConfigLayers names it
            }
            JsonNode before = ConfigJson.get(saved, key);
            if (before == null) {   // a run saved before the option existed ran with its default
                before = ConfigJson.get(table.defaults(table.profile(saved)), key);
            }
            if (!option.get().resumable() && !sameValue(option.get(), before, e.getValue())) {
                refused.add("'" + key + "' (" + before + " → " + e.getValue() + ")");
            }
        }
    }

    /** Whether two nodes hold the same value of the option (e.g. widths {@code "narrow"} and its array). */
    private static <T> boolean sameValue(ConfigOption<T> option, JsonNode a, JsonNode b) {
        if (a == null) {
            return false;
        }
        try {
            return Objects.equals(option.type().fromJson(a), option.type().fromJson(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
