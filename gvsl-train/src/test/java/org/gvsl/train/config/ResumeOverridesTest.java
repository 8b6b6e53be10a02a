package org.gvsl.train.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeOverridesTest {

    private static final OptionTable<PretrainConfig> TABLE = PretrainOptions.TABLE;

    private static ConfigLayers.Layer saved() {
        return new ConfigLayers.Layer("config.json",
                ConfigJson.toTree(PretrainConfig.builder().with(PretrainOptions.STEPS, 10).build()));
    }

    private static ConfigLayers.Layer overrides(String text) throws Exception {
        return new ConfigLayers.Layer("the command line", (ObjectNode) ConfigJson.mapper().readTree(text));
    }

    @Test
    void runSettingsMayChange() throws Exception {
        PretrainConfig c = ResumeOverrides.apply(TABLE, saved(),
                overrides("{\"steps\": 20, \"keepCheckpoints\": 1, \"uiStats\": true, \"threads\": 1}"));
        assertEquals(20, c.steps());
        assertEquals(1, c.keepCheckpoints());
        assertEquals(1, c.threads());
        assertTrue(c.uiStats());
        assertEquals(PretrainConfig.builder().build().model(), c.model());
    }

    @Test
    void equalValuesOfOtherKeysAreAccepted() throws Exception {
        PretrainConfig c = ResumeOverrides.apply(TABLE, saved(), overrides(
                "{\"crop\": 32, \"model\": {\"seed\": 1, \"widths\": \"narrow\", \"learningRate\": 0.001}}"));
        assertEquals(32, c.crop());
    }

    @Test
    void whatChangesTheComputationIsRefusedByName() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ResumeOverrides.apply(TABLE, saved(),
                overrides("{\"crop\": 16, \"model\": {\"seed\": 2}}")));
        assertTrue(e.getMessage().contains("cannot change 'crop' (32 → 16), 'model.seed' (1 → 2)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Allowed when resuming: " + TABLE.resumableKeys()), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed when resuming: [checkpointEvery, keepCheckpoints,"), e.getMessage());
    }

    /** Every option, changed alone: refused exactly when it is not resumable, applied when it is. */
    @Test
    void theRuleRefusesExactlyTheOptionsThatAreNotResumable() throws Exception {
        assertTrue(TABLE.resumableKeys().containsAll(Set.of("steps", "threads", "workers")), TABLE.resumableKeys()
                .toString());
        assertTrue(TABLE.resumableKeys().stream().noneMatch(k -> k.startsWith("model.") || k.equals("crop")
                || k.equals("data")), TABLE.resumableKeys().toString());
        for (ConfigOption<?> option : TABLE.options()) {
            ObjectNode change = ConfigJson.mapper().createObjectNode();
            JsonNode other = another(option, ConfigJson.get(saved().values(), option.key()));
            ConfigJson.put(change, option.key(), other);
            ConfigLayers.Layer layer = new ConfigLayers.Layer("the command line", change);
            if (option.resumable()) {
                PretrainConfig c = ResumeOverrides.apply(TABLE, saved(), layer);
                assertEquals(option.type().fromJson(other), TABLE.value(c, option), option.key());
            } else {
                ConfigException e = assertThrows(ConfigException.class, () -> ResumeOverrides.apply(TABLE, saved(),
                        layer), option.key());
                assertTrue(e.getMessage().contains("cannot change '" + option.key() + "' ("), e.getMessage());
            }
        }
    }

    @Test
    void aKeyMissingFromAnOlderConfigCountsAsItsDefault() throws Exception {
        ConfigLayers.Layer older = saved();
        older.values().remove("syntheticSize");
        assertEquals(32, ResumeOverrides.apply(TABLE, older, overrides("{\"syntheticSize\": 32}")).syntheticSize());
        ConfigException e = assertThrows(ConfigException.class, () -> ResumeOverrides.apply(TABLE, older,
                overrides("{\"syntheticSize\": 40}")));
        assertTrue(e.getMessage().contains("cannot change 'syntheticSize' (32 → 40)"), e.getMessage());
    }

    /** A valid value of the option other than {@code saved}. */
    private static JsonNode another(ConfigOption<?> option, JsonNode saved) throws Exception {
        Object value = option.type().fromJson(saved);
        Class<?> type = option.type().type();
        Object other;
        if (type == Integer.class) {
            other = (Integer) value + 1;
        } else if (type == Long.class) {
            other = (Long) value + 1;
        } else if (type == Double.class) {
            other = value == null ? 1.5 : (Double) value * 2 + 1;
        } else if (type == Boolean.class) {
            other = !(Boolean) value;
        } else if (type == Path.class) {
            other = value == null ? Path.of("elsewhere") : ((Path) value).resolve("elsewhere");
        } else if (type == UNetWidths.class) {
            other = UNetWidths.NARROW.equals(value) ? UNetWidths.PAPER : UNetWidths.NARROW;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            other = constants[(((Enum<?>) value).ordinal() + 1) % constants.length];
        } else {
            throw new AssertionError("no other value for " + option.key());
        }
        return ConfigJson.mapper().valueToTree(other);
    }
}
