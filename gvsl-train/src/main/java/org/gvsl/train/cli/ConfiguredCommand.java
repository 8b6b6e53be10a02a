package org.gvsl.train.cli;

import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.OptionTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code gvsl} command whose options are an {@link OptionTable} filling a configuration record. The command
 * itself only runs a resolved configuration; the rest is shared ({@link Gvsl#run}): the options from the table
 * ({@link OptionFlags}), {@code --config}, {@code --resume} and {@code --print-config} ({@link ConfigSources}), the
 * help's table of defaults ({@link DefaultsHelp}), the resolution and its one-line errors (exit status 2), and the
 * process-wide settings (the math threads) before {@link #run}.
 *
 * <p>To add a command: a configuration record; its {@link OptionTable} (shared options from {@link
 * org.gvsl.train.config.CommonOptions}); and a class implementing this interface, annotated {@code
 * @Command(name = …, mixinStandardHelpOptions = true, sortOptions = false, modelTransformer =
 * ConfiguredCommand.Options.class, description = …)}, listed among {@link Gvsl}'s subcommands.
 *
 * @param <C> the configuration record
 */
interface ConfiguredCommand<C extends Record> {

    /** The command's options. */
    OptionTable<C> options();

    /**
     * Runs the resolved configuration.
     *
     * @param resume the run folder given with {@code --resume}, or null for a new run
     * @return the exit status: 0 done, 1 a failure while running
     * @throws ConfigException a problem of the user's making found while starting (exit status 2)
     * @throws IOException     a failure to read or write (exit status 1)
     */
    int run(C config, Path resume) throws ConfigException, IOException;

    /** Adds the command's table (options, {@link ConfigSources}' options, the defaults after the help). */
    final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionTable<?> table = ((ConfiguredCommand<?>) spec.userObject()).options();
            ConfigSources.addTo(spec, table);
            OptionFlags.addTo(spec, table);
            spec.usageMessage().footer(DefaultsHelp.render(table));
            return spec;
        }
    }
}
