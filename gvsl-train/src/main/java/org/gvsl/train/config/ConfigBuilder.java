package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Builds a configuration record in code (tests, IDE runs, other programs), with the same defaults and checks as a
 * config file or the command line: the options set here are one more layer over the defaults ({@link
 * ConfigLayers}), and setting the profile's selecting option (e.g. a data folder) selects its defaults.
 * <pre>{@code
 * PretrainConfig c = PretrainConfig.builder().with(PretrainOptions.STEPS, 10).with(PretrainOptions.CROP, 16).build();
 * }</pre>
 *
 * @param <C> the configuration record
 */
public final class ConfigBuilder<C extends Record> {

    /** The name of this layer in messages. */
    static final String LAYER = "the builder";

    private final OptionTable<C> table;
    private final ObjectNode values = ConfigJson.mapper().createObjectNode();

    ConfigBuilder(OptionTable<C> table) {
        this.table = table;
    }

    /** Sets an option of the table (null for none, where the option allows it). */
    public <T> ConfigBuilder<C> with(ConfigOption<T> option, T value) {
        if (table.option(option.key()).orElse(null) != option) {
            throw new IllegalArgumentException("option " + option.key() + " is not one of " + table.record()
                    .getSimpleName() + "'s");
        }
        ConfigJson.put(values, option.key(), value == null ? values.nullNode() : option.type().toJson(value));
        return this;
    }

    /**
     * The checked configuration.
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public C build() {
        try {
            return ConfigLayers.resolve(table, List.of(new ConfigLayers.Layer(LAYER, values)));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
