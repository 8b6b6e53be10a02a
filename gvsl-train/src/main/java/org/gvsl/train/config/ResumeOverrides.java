package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.network.UNetWidths;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of a resumed run: its saved {@code config.json} with the few overrides that do not change
 * what is computed — how long to train, how often to checkpoint, plot and preview, how many checkpoints to keep,
 * UI statistics, loader workers, threads and the bad-file policy. Any other change (crop, model, seed, data, …)
 * would no longer continue the same run and is refused.
 */
public final class ResumeOverrides {

    /** The keys a resume may change. */
    public static final Set<String> ALLOWED = Set.of("steps", "checkpointEvery", "keepCheckpoints", "plotEvery",
            "previewEvery", "uiStats", "workers", "threads", "skipBadFiles");

    private ResumeOverrides() {
    }

    /**
     * The saved configuration with the overrides applied.
     *
     * @param saved     the run's {@code config.json}
     * @param savedName its name, for messages
     * @param overrides keys given for the resume (e.g. from the command line); equal values are accepted for any key
     * @throws ConfigException naming a key that may not change, or a bad value
     */
    public static PretrainConfig apply(ObjectNode saved, String savedName, ObjectNode overrides)
            throws ConfigException {
        List<String> refused = new ArrayList<>();
        collectChanges("", saved, overrides, refused);
        if (!refused.isEmpty()) {
            throw new ConfigException("a resumed run continues as it was configured; it cannot change " + String.join(", ",
                    refused) + ". Allowed when resuming: " + ALLOWED.stream().sorted().toList());
        }
        return ConfigLayers.resolve(List.of(new ConfigLayers.Layer(savedName, saved),
                new ConfigLayers.Layer("the command line", overrides)));
    }

    private static void collectChanges(String prefix, JsonNode saved, ObjectNode overrides, List<String> refused) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode before = saved == null ? null : saved.get(e.getKey());
            if (e.getValue() instanceof ObjectNode nested) {
                collectChanges(key + ".", before, nested, refused);
            } else if (!ALLOWED.contains(key) && !sameValue(key, before, e.getValue())) {
                refused.add("'" + key + "' (" + before + " → " + e.getValue() + ")");
            }
        }
    }

    private static boolean sameValue(String key, JsonNode a, JsonNode b) {
        if (a == null) {
            return false;
        }
        if (key.equals("model.widths")) {
            try {
                return ConfigJson.JSON.treeToValue(a, UNetWidths.class).equals(ConfigJson.JSON.treeToValue(b, UNetWidths.class));
            } catch (JsonProcessingException e) {
                return false;
            }
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b) || a.isTextual() && b.isTextual() && a.asText().equalsIgnoreCase(b.asText());
    }
}
