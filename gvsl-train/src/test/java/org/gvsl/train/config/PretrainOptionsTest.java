package org.gvsl.train.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainOptionsTest {

    private static final OptionTable<PretrainConfig> TABLE = PretrainOptions.TABLE;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ConfigJson.mapper().readTree(text);
    }

    @Test
    void theKeysAreThoseOfConfigJson() {
        TreeSet<String> written = new TreeSet<>();
        leaves(ConfigJson.toTree(PretrainConfig.builder().build()), "", written);
        TreeSet<String> declared = new TreeSet<>();
        TABLE.options().forEach(o -> declared.add(o.key()));
        assertEquals(written, declared);
    }

    @Test
    void theProfileDefaultsAreTheDemosAndThePapers() {
        Object[][] expected = {
                {PretrainOptions.WIDTHS, UNetWidths.NARROW, UNetWidths.PAPER},
                {PretrainOptions.CROP, 32, 128},
                {PretrainOptions.STEPS, 240, 200_000},
                {PretrainOptions.INTENSITY, Intensity.CT_SOFT_TISSUE, Intensity.CT},
                {PretrainOptions.LEARNING_RATE, 1e-3, 1e-4},
                {PretrainOptions.CHECKPOINT_EVERY, 50, 1_000},
                {PretrainOptions.PLOT_EVERY, 10, 100},
                {PretrainOptions.PREVIEW_EVERY, 50, 1_000}};
        for (Object[] row : expected) {
            ConfigOption<?> o = (ConfigOption<?>) row[0];
            assertEquals(row[1], o.defaultFor(Profile.DEMO), o.key());
            assertEquals(row[2], o.defaultFor(Profile.PAPER), o.key());
        }
        long dependent = TABLE.options().stream().filter(ConfigOption::dependsOnProfile).count();
        assertEquals(expected.length, dependent, "only these depend on the profile");
        assertEquals(9, PretrainOptions.NCC_WINDOW.defaultFor(Profile.PAPER));
    }

    /** Every range: its bound is accepted, the number just outside refused with the key and the value. */
    @Test
    void everyRangeIsCheckedWithAMessageNamingTheOptionAndTheValue() throws Exception {
        int checked = 0;
        for (ConfigOption<?> o : TABLE.options()) {
            if (o.range().isEmpty()) {
                continue;
            }
            Range r = o.range().get();
            boolean integral = o.type() == ValueType.INT;
            double outside = r.minInclusive() ? (integral ? r.min() - 1 : Math.nextDown(r.min())) : r.min();
            ObjectNode bad = json("{\"data\": \"/d\"}");   // the paper's profile: no crop/size relation to meet
            ConfigJson.put(bad, o.key(), integral ? ConfigJson.mapper().valueToTree((int) outside)
                    : ConfigJson.mapper().valueToTree(outside));
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(TABLE,
                    List.of(new ConfigLayers.Layer("run.yaml", bad))), o.key());
            String value = integral ? Integer.toString((int) outside) : Double.toString(outside);
            assertTrue(e.getMessage().contains(o.key() + " must be " + r + ", got " + value
                    + " (from run.yaml over the defaults)"), e.getMessage());
            if (r.minInclusive()) {
                ObjectNode edge = json("{\"data\": \"/d\"}");
                ConfigJson.put(edge, o.key(), integral ? ConfigJson.mapper().valueToTree((int) r.min())
                        : ConfigJson.mapper().valueToTree(r.min()));
                ConfigLayers.resolve(TABLE, List.of(new ConfigLayers.Layer("run.yaml", edge)));
            }
            checked++;
        }
        assertTrue(checked >= 12, "ranges checked: " + checked);
    }

    /** Every whole number of the run has a range; the model's numbers are the model's to check. */
    @Test
    void everyWholeNumberOfTheRunIsBounded() {
        for (ConfigOption<?> o : TABLE.options()) {
            if (o.type() == ValueType.INT && !o.key().startsWith("model.")) {
                assertTrue(o.range().isPresent(), o.key() + " has no range");
            }
        }
    }

    /** The model's values have no range here: the model checks them, and the message names them. */
    @Test
    void theModelsValuesAreCheckedByTheModel() throws Exception {
        Map<String, String> bad = Map.of(
                "{\"model\": {\"nccWindow\": 4}}", "nccWindow must be odd and positive, got 4",
                "{\"model\": {\"lambdaSmooth\": -1}}", "lambdaSmooth must be finite and ≥ 0, got -1.0",
                "{\"model\": {\"lambdaMse\": -1}}", "lambdaMse must be finite and ≥ 0, got -1.0",
                "{\"model\": {\"learningRate\": 0}}", "learningRate must be positive and finite, got 0.0",
                "{\"model\": {\"beta1\": 1}}", "Adam betas must lie in [0, 1), got beta1=1.0",
                "{\"model\": {\"beta2\": -0.5}}", "Adam betas must lie in [0, 1), got beta1=0.9, beta2=-0.5",
                "{\"model\": {\"adamEpsilon\": 0}}", "adamEpsilon must be positive, got 0.0");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            ConfigException x = assertThrows(ConfigException.class, () -> ConfigLayers.resolve(TABLE,
                    List.of(new ConfigLayers.Layer("run.yaml", json(e.getKey())))), e.getKey());
            assertTrue(x.getMessage().startsWith("invalid configuration: " + e.getValue()), x.getMessage());
        }
        assertTrue(TABLE.options().stream().filter(o -> o.key().startsWith("model.")).allMatch(o -> o.range().isEmpty()));
    }

    @Test
    void theShortDemoStaysQuickAndTheFlagsAreUnique() {
        assertTrue(PretrainOptions.CROP.defaultFor(Profile.DEMO) <= PretrainOptions.SYNTHETIC_SIZE.defaultFor(Profile.DEMO));
        TreeSet<String> flags = new TreeSet<>();
        TABLE.options().forEach(o -> o.flags().forEach(f -> assertTrue(flags.add(f), f)));
        assertTrue(flags.containsAll(List.of("--data", "--steps", "--no-affine", "--restoration-only", "--lr", "--seed")),
                flags.toString());
    }

    private static void leaves(JsonNode node, String prefix, TreeSet<String> keys) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                leaves(e.getValue(), prefix + e.getKey() + ".", keys);
            } else {
                keys.add(prefix + e.getKey());
            }
        }
    }
}
