package org.gvsl.train.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionTableTest {

    /**
     * A record for malformed tables.
     *
     * @param steps  steps
     * @param output a folder
     */
    public record Small(int steps, Path output) {
    }

    private static ConfigOption.Builder<Path> output() {
        return CommonOptions.output();
    }

    @Test
    void defaultsAreNestedAsInConfigJson() throws Exception {
        assertEquals(ConfigJson.mapper().readTree("{\"data\": null, \"steps\": 50, \"optimiser\": {\"rate\": 0.5,"
                        + " \"intensity\": \"MR\"}, \"threads\": 0, \"verbose\": false}"),
                ExampleOptions.TABLE.defaults(Profile.PAPER));
        assertEquals(5, ExampleOptions.TABLE.defaults(Profile.DEMO).get("steps").asInt());
    }

    @Test
    void theSelectingOptionChoosesTheProfile() throws Exception {
        assertEquals(Profile.PAPER, ExampleOptions.TABLE.profile(
                (com.fasterxml.jackson.databind.node.ObjectNode) ConfigJson.mapper().readTree("{\"data\": \"/d\"}")));
        assertEquals(Profile.DEMO, ExampleOptions.TABLE.profile(ConfigJson.mapper().createObjectNode()));
        assertSame(ExampleOptions.DATA, ExampleOptions.TABLE.profileSelector().orElseThrow());
    }

    @Test
    void optionsAreFoundByKeyAndReadFromARecord() {
        assertSame(ExampleOptions.RATE, ExampleOptions.TABLE.option("optimiser.rate").orElseThrow());
        assertSame(ExampleOptions.THREADS, ExampleOptions.TABLE.option(CommonOptions.THREADS, ValueType.INT).orElseThrow());
        assertTrue(ExampleOptions.TABLE.option(CommonOptions.THREADS, ValueType.LONG).isEmpty());
        assertTrue(ExampleOptions.TABLE.option("optimiser").isEmpty());
        ExampleOptions.Config c = ExampleOptions.TABLE.builder().with(ExampleOptions.RATE, 0.25).build();
        assertEquals(0.25, ExampleOptions.TABLE.value(c, ExampleOptions.RATE));
        assertEquals(Intensity.MR, ExampleOptions.TABLE.value(c, ExampleOptions.INTENSITY));
        assertEquals(java.util.Set.of("steps", "threads"), ExampleOptions.TABLE.resumableKeys());
    }

    @Test
    void aTableThatDoesNotMatchItsRecordFailsWhenBuilt() {
        assertTable("Small options: no option for the component 'output'",
                OptionTable.declare(Small.class), CommonOptions.steps().byDefault(1));
        assertTable("Small options: keys [stepz] name no component of the record",
                OptionTable.declare(Small.class), CommonOptions.steps().key("stepz").byDefault(1), output(),
                CommonOptions.steps().byDefault(1).flag("--steps2", "N"));
        assertTable("Small options: 'steps' is Long, the component int", OptionTable.declare(Small.class),
                CommonOptions.seed().key("steps").byDefault(1L), output());
        assertTable("Small options: flag --steps twice", OptionTable.declare(Small.class),
                CommonOptions.steps().byDefault(1), output().flag("--steps", "N"));
        assertTable("Small options: key 'steps' twice", OptionTable.declare(Small.class),
                CommonOptions.steps().byDefault(1), CommonOptions.steps().byDefault(2).flag("--other", "N"), output());
    }

    @Test
    void aCompleteTableTakesNoMoreOptions() {
        OptionTable.Declaration<Small> d = OptionTable.declare(Small.class);
        d.add(CommonOptions.steps().byDefault(1));
        d.add(output());
        d.table();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.add(CommonOptions.threads()));
        assertTrue(e.getMessage().contains("the table of Small is already complete"), e.getMessage());
    }

    private static void assertTable(String expected, OptionTable.Declaration<Small> d, ConfigOption.Builder<?>... options) {
        for (ConfigOption.Builder<?> o : options) {
            d.add(o);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, d::table);
        assertEquals(expected, e.getMessage());
    }
}
