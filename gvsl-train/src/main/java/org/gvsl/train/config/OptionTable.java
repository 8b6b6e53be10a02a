package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one command, in the order of its help, and the configuration record they fill: one {@link
 * ConfigOption} per record component (nested records by dotted keys, e.g. {@code model.widths} for the
 * {@code widths} of the {@code model} component). Everything about the options derives from it: the defaults
 * ({@link #defaults}), the config-file keys and their checks ({@link ConfigLayers}), the resume rule ({@link
 * ResumeOverrides}), the command line and {@code --help} ({@code org.gvsl.train.cli.OptionFlags}, {@code
 * DefaultsHelp}), and records built in code ({@link #builder()}).
 *
 * <p>A table is declared as constants, one statement per option, in help order, and checked against its record
 * when built: a key that names no component, a component without an option, a type that differs or a flag used
 * twice fails at once (in every test that touches the table), not when a user first gives the option:
 * <pre>{@code
 * private static final OptionTable.Declaration<MyConfig> T = OptionTable.declare(MyConfig.class);
 * public static final ConfigOption<Integer> STEPS = T.add(CommonOptions.steps().byDefault(1000));
 * public static final OptionTable<MyConfig> TABLE = T.table();   // last
 * }</pre>
 *
 * @param <C> the configuration record
 */
public final class OptionTable<C extends Record> {

    private final Class<C> record;
    private final List<ConfigOption<?>> options;
    private final Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();

    private OptionTable(Class<C> record, List<ConfigOption<?>> options) {
        this.record = record;
        this.options = List.copyOf(options);
        Set<String> flags = new TreeSet<>();
        int selectors = 0;
        for (ConfigOption<?> o : this.options) {
            if (byKey.put(o.key(), o) != null) {
                throw new IllegalStateException(record.getSimpleName() + " options: key '" + o.key() + "' twice");
            }
            for (String flag : o.flags()) {
                if (!flags.add(flag) || !flags.add(noForm(flag))) {
                    throw new IllegalStateException(record.getSimpleName() + " options: flag " + flag + " twice");
                }
            }
            selectors += o.selectsProfile() ? 1 : 0;
        }
        if (selectors > 1) {
            throw new IllegalStateException(record.getSimpleName() + " options: more than one selects the profile");
        }
        Set<String> matched = new TreeSet<>();
        matchComponents(record, "", matched);
        Set<String> unmatched = new TreeSet<>(byKey.keySet());
        unmatched.removeAll(matched);
        if (!unmatched.isEmpty()) {
            throw new IllegalStateException(record.getSimpleName() + " options: keys " + unmatched
                    + " name no component of the record");
        }
    }

    /** Starts the table of {@code record}'s options. */
    public static <C extends Record> Declaration<C> declare(Class<C> record) {
        return new Declaration<>(record);
    }

    /**
     * A table being declared: {@link #add} returns each option (to keep as a constant), {@link #table()} ends it.
     *
     * @param <C> the configuration record
     */
    public static final class Declaration<C extends Record> {
        private final Class<C> record;
        private final List<ConfigOption<?>> options = new ArrayList<>();
        private OptionTable<C> table;

        private Declaration(Class<C> record) {
            this.record = record;
        }

        /** Builds the option and adds it to the table, after those added before. */
        public <T> ConfigOption<T> add(ConfigOption.Builder<T> option) {
            if (table != null) {
                throw new IllegalStateException("the table of " + record.getSimpleName() + " is already complete");
            }
            ConfigOption<T> built = option.build();
            options.add(built);
            return built;
        }

        /** The table of the options added, checked against the record. */
        public OptionTable<C> table() {
            if (table == null) {
                table = new OptionTable<>(record, options);
            }
            return table;
        }
    }

    /** The record the options fill. */
    public Class<C> record() {
        return record;
    }

    /** The options in the order of the help. */
    public List<ConfigOption<?>> options() {
        return options;
    }

    /** The option of a key, if any. */
    public Optional<ConfigOption<?>> option(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The option of a key if it has this type (e.g. the shared {@link CommonOptions#THREADS}). */
    @SuppressWarnings("unchecked")
    public <T> Optional<ConfigOption<T>> option(String key, ValueType<T> type) {
        return option(key).filter(o -> o.type() == type).map(o -> (ConfigOption<T>) o);
    }

    /** The option that selects the profile, if any. */
    public Optional<ConfigOption<?>> profileSelector() {
        return options.stream().filter(ConfigOption::selectsProfile).findFirst();
    }

    /** The profile of merged values: {@link Profile#PAPER} when the selecting option has a value. */
    public Profile profile(ObjectNode values) {
        return profileSelector().map(o -> Profile.of(ConfigJson.get(values, o.key()))).orElse(Profile.DEMO);
    }

    /** The keys a resumed run may change, sorted. */
    public Set<String> resumableKeys() {
        Set<String> keys = new TreeSet<>();
        options.stream().filter(ConfigOption::resumable).forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** Every key with its default in this profile, nested as in {@code config.json}. */
    public ObjectNode defaults(Profile profile) {
        ObjectNode tree = ConfigJson.mapper().createObjectNode();
        for (ConfigOption<?> o : options) {
            put(tree, o, profile);
        }
        return tree;
    }

    private static <T> void put(ObjectNode tree, ConfigOption<T> option, Profile profile) {
        T value = option.defaultFor(profile);
        ConfigJson.put(tree, option.key(), value == null ? tree.nullNode() : option.type().toJson(value));
    }

    /** The value of an option in a configuration. */
    public <T> T value(C config, ConfigOption<T> option) {
        try {
            return option.type().fromJson(ConfigJson.get(ConfigJson.toTree(config), option.key()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + option.key() + " of " + config, e);
        }
    }

    /** A builder of configurations in code: the defaults, and any option set by {@link ConfigBuilder#with}. */
    public ConfigBuilder<C> builder() {
        return new ConfigBuilder<>(this);
    }

    /** Every component path of the record must be a key (or a nested record with keys below it). */
    private void matchComponents(Class<?> type, String prefix, Set<String> matched) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + c.getName();
            ConfigOption<?> option = byKey.get(key);
            if (option != null) {
                if (option.type().type() != boxed(c.getType())) {
                    throw new IllegalStateException(record.getSimpleName() + " options: '" + key + "' is "
                            + option.type().type().getSimpleName() + ", the component " + c.getType().getSimpleName());
                }
                matched.add(key);
            } else if (c.getType().isRecord() && byKey.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
                matchComponents(c.getType(), key + ".", matched);
            } else {
                throw new IllegalStateException(record.getSimpleName() + " options: no option for the component '"
                        + key + "'");
            }
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalStateException("no option type for a " + type + " component");
        };
    }

    /** {@code --no-x} of {@code --x} and {@code --x} of {@code --no-x}: the two names of a negatable flag. */
    private static String noForm(String flag) {
        return flag.startsWith("--no-") ? "--" + flag.substring(5) : "--no-" + flag.substring(2);
    }
}
