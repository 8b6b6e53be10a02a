package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.train.config.Profile;
import org.gvsl.train.config.ValueType;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionFlagsTest {

    private static final OptionTable<?> TABLE = PretrainOptions.TABLE;

    /** The layer of values that parsing {@code args} against the table's flags gives. */
    private static ObjectNode parse(String... args) {
        CommandSpec spec = CommandSpec.create();
        OptionFlags.addTo(spec, TABLE);
        new CommandLine(spec).parseArgs(args);
        return OptionFlags.values(spec);
    }

    @Test
    void nothingGivenIsAnEmptyLayer() {
        assertEquals(ConfigJson.mapper().createObjectNode(), parse());
    }

    /** Every flag of every option: its value lands under the option's key, as config.json holds it. */
    @Test
    void everyFlagParsesToItsKey() {
        Set<String> exercised = new TreeSet<>();
        for (ConfigOption<?> o : TABLE.options()) {
            for (Given g : given(o)) {
                ObjectNode layer = parse(g.args().toArray(String[]::new));
                ObjectNode expected = ConfigJson.mapper().createObjectNode();
                ConfigJson.put(expected, o.key(), g.json());
                assertEquals(expected, layer, String.join(" ", g.args()));
                exercised.add(g.args().get(0));
            }
        }
        CommandSpec spec = CommandSpec.create();
        OptionFlags.addTo(spec, TABLE);
        Set<String> all = new TreeSet<>();
        spec.options().forEach(option -> {
            all.add(option.longestName());
            if (option.negatable()) {
                all.add("--no-" + option.longestName().substring(2));
            }
        });
        assertEquals(all, exercised);
        assertTrue(all.containsAll(List.of("--ui-stats", "--no-ui-stats", "--no-affine", "--widths")), all.toString());
    }

    @Test
    void aBadWordNamesTheFlag() {
        assertParseError("Invalid value for option '--ncc-window': 'x' is not an int", "--ncc-window", "x");
        assertParseError("Invalid value for option '--variant': 'fast' is not one of full, no-affine, no-restoration,"
                + " restoration-only", "--variant", "fast");
        assertParseError("Invalid value for option '--widths': widths must be \"paper\", \"narrow\" or nine integers",
                "--widths", "wide");
    }

    @Test
    void twoFlagsOfOneOptionAreRefused() {
        CommandSpec spec = CommandSpec.create();
        OptionFlags.addTo(spec, TABLE);
        new CommandLine(spec).parseArgs("--no-affine", "--variant", "restoration-only");
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> OptionFlags.values(spec));
        assertEquals("choose one variant, got [RESTORATION_ONLY, NO_AFFINE] (from --variant, --no-affine,"
                + " --no-restoration, --restoration-only)", e.getMessage());
    }

    @Test
    void helpShowsTheRange() {
        CommandSpec spec = CommandSpec.create();
        OptionFlags.addTo(spec, TABLE);
        assertEquals("Pairs per step; ≥ 1.", spec.findOption("--batch").description()[0]);
        assertEquals("U-Net widths c0..c8: paper [32, 64, 128, 256, 512, 256, 128, 64, 32], narrow [8, 16, 32, 64, 128,"
                + " 64, 32, 16, 8] or nine integers.", spec.findOption("--widths").description()[0]);
        assertTrue(spec.findOption("--ui-stats").negatable());
    }

    private record Given(List<String> args, JsonNode json) {
    }

    /** Command lines that set the option, each with the value it sets. */
    private static <T> List<Given> given(ConfigOption<T> o) {
        List<Given> all = new ArrayList<>();
        o.flag().ifPresent(flag -> {
            if (o.type() == ValueType.BOOLEAN) {
                all.add(new Given(List.of(flag), ConfigJson.mapper().valueToTree(true)));
                all.add(new Given(List.of("--no-" + flag.substring(2)), ConfigJson.mapper().valueToTree(false)));
            } else {
                T value = o.defaultFor(Profile.PAPER) != null ? o.defaultFor(Profile.PAPER) : sample(o.type());
                all.add(new Given(List.of(flag, o.type().display(value)), o.type().toJson(value)));
            }
        });
        for (ConfigOption.Preset<T> p : o.presets()) {
            all.add(new Given(List.of(p.flag()), o.type().toJson(p.value())));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <T> T sample(ValueType<T> type) {
        return (T) (type == ValueType.PATH ? Path.of("some/folder") : type == ValueType.DOUBLE ? (Object) 1.5 : Variant.FULL);
    }

    private static void assertParseError(String expected, String... args) {
        CommandSpec spec = CommandSpec.create();
        OptionFlags.addTo(spec, TABLE);
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(spec).parseArgs(args));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
