package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ConfigLayers;
import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.ResumeOverrides;
import org.gvsl.train.pretrain.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a configured command's configuration comes from, and the three options that say so: {@code --config FILE}
 * (a JSON or YAML layer under the command line), {@code --resume RUN_DIR} (the run's saved {@code config.json} with
 * only the resumable options changed) and {@code --print-config} (show the result instead of running).
 */
final class ConfigSources {

    static final String CONFIG = "--config";
    static final String RESUME = "--resume";
    static final String PRINT_CONFIG = "--print-config";

    /** The name of the command-line layer in messages. */
    static final String COMMAND_LINE = "the command line";

    private ConfigSources() {
    }

    /** Adds {@code --config}, {@code --resume} (naming the flags a resume may change) and {@code --print-config}. */
    static void addTo(CommandSpec spec, OptionTable<?> table) {
        String resumable = table.options().stream().filter(ConfigOption::resumable)
                .flatMap(o -> o.flags().stream()).collect(Collectors.joining(", "));
        spec.addOption(OptionSpec.builder(CONFIG).paramLabel("FILE").type(Path.class)
                .description("Options from a JSON or YAML file (the keys listed below, as in a run's config.json);"
                        + " command-line options win.").build());
        spec.addOption(OptionSpec.builder(RESUME).paramLabel("RUN_DIR").type(Path.class)
                .description("Continue a run from its newest checkpoint, to the same result as an uninterrupted run."
                        + " Only " + resumable + " may change.").build());
        spec.addOption(OptionSpec.builder(PRINT_CONFIG).arity("0").type(boolean.class)
                .description("Print the resolved configuration as JSON and exit without running.").build());
    }

    /** The run folder to resume, or null for a new run. */
    static Path resume(CommandSpec spec) {
        return spec.commandLine().getParseResult().matchedOptionValue(RESUME, null);
    }

    /** Whether only the configuration is to be printed. */
    static boolean printOnly(CommandSpec spec) {
        return spec.commandLine().getParseResult().matchedOptionValue(PRINT_CONFIG, false);
    }

    /**
     * The configuration of the parsed command line: its options over a {@code --config} file over the defaults, or
     * the resumed run's {@code config.json} with the resumable options given.
     *
     * @throws ConfigException               naming the file, key or value that is wrong
     * @throws CommandLine.ParameterException for {@code --resume} with {@code --config}
     */
    static <C extends Record> C resolve(CommandSpec spec, OptionTable<C> table) throws ConfigException {
        ObjectNode commandLine = OptionFlags.values(spec);
        Path configFile = spec.commandLine().getParseResult().matchedOptionValue(CONFIG, null);
        Path resume = resume(spec);
        if (resume != null) {
            if (configFile != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), RESUME + " continues a run in its own"
                        + " folder with its own config.json; it cannot be combined with " + CONFIG);
            }
            Path saved = RunFolder.open(resume).config();
            return ResumeOverrides.apply(table, new ConfigLayers.Layer(saved.toString(), ConfigJson.readFile(saved)),
                    new ConfigLayers.Layer(COMMAND_LINE, commandLine));
        }
        List<ConfigLayers.Layer> layers = new ArrayList<>();
        if (configFile != null) {
            layers.add(new ConfigLayers.Layer(configFile.toString(), ConfigJson.readFile(configFile)));
        }
        layers.add(new ConfigLayers.Layer(COMMAND_LINE, commandLine));
        return ConfigLayers.resolve(table, layers);
    }
}
