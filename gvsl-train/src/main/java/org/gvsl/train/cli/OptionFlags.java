package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.ValueType;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line side of an {@link OptionTable}: one picocli option per flag of its options (a boolean as
 * {@code --x}/{@code --no-x}, a preset as a flag without a value), and the layer of configuration values that a
 * parse gave them. Values are converted by the option's {@link ValueType}, so a bad word fails at parse time naming
 * the flag ({@code Invalid value for option '--widths': …}); ranges are checked with the other layers
 * ({@link org.gvsl.train.config.ConfigLayers}).
 */
final class OptionFlags {

    /** What a picocli option sets: a table option, to its own value or (a preset) a fixed one. */
    private record Binding(ConfigOption<?> option, Object preset) {
    }

    private OptionFlags() {
    }

    /** Adds the flags of every option of the table to the command, in the table's order. */
    static void addTo(CommandSpec spec, OptionTable<?> table) {
        for (ConfigOption<?> option : table.options()) {
            add(spec, option);
        }
    }

    private static <T> void add(CommandSpec spec, ConfigOption<T> option) {
        option.flag().ifPresent(flag -> {
            OptionSpec.Builder b = OptionSpec.builder(flag).type(option.type().type()).description(help(option))
                    .userObject(new Binding(option, null));
            if (option.type() == ValueType.BOOLEAN) {
                b.arity("0").negatable(true);
            } else {
                b.paramLabel(option.paramLabel()).converters(text -> {
                    try {
                        return option.type().parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.TypeConversionException(e.getMessage());
                    }
                });
            }
            spec.addOption(b.build());
        });
        for (ConfigOption.Preset<T> preset : option.presets()) {
            spec.addOption(OptionSpec.builder(preset.flag()).arity("0").type(boolean.class).description(preset.help())
                    .userObject(new Binding(option, preset.value())).build());
        }
    }

    /** The help text with the range, e.g. {@code Pairs per step; ≥ 1.} */
    private static String help(ConfigOption<?> option) {
        return option.range().map(r -> option.help().replaceFirst("\\.$", "") + "; " + r + ".").orElse(option.help());
    }

    /**
     * The values the parsed command line gave the table's options, as a layer of configuration keys (options not
     * given are absent keys).
     *
     * @throws CommandLine.ParameterException when two flags of one option are given
     */
    static ObjectNode values(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<ConfigOption<?>, List<Object>> given = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.userObject() instanceof Binding b && parsed.hasMatchedOption(o)) {
                given.computeIfAbsent(b.option(), k -> new ArrayList<>()).add(b.preset() != null ? b.preset() : o.getValue());
            }
        }
        ObjectNode layer = ConfigJson.mapper().createObjectNode();
        for (Map.Entry<ConfigOption<?>, List<Object>> e : given.entrySet()) {
            ConfigOption<?> option = e.getKey();
            if (e.getValue().size() > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "choose one " + option.name() + ", got "
                        + e.getValue() + " (from " + String.join(", ", option.flags()) + ")");
            }
            ConfigJson.put(layer, option.key(), toJson(option, e.getValue().get(0)));
        }
        return layer;
    }

    private static <T> JsonNode toJson(ConfigOption<T> option, Object value) {
        return option.type().toJson(option.type().type().cast(value));
    }
}
