package org.gvsl.train.cli;

import org.gvsl.data.loader.DataLoadingException;
import org.gvsl.model.gvsl.StepMemoryEstimate;
import org.gvsl.train.config.CommonOptions;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.ValueType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code gvsl} program. {@link #main(String[])} exits with the status of {@link #run(String...)}, which tests
 * call directly.
 *
 * <p>The program, not the library, owns the settings of the whole process: AWT runs headless (the plots are drawn
 * off-screen; no window, no dock icon), and a {@link ConfiguredCommand} gets the math thread count of its resolved
 * configuration ({@link CommonOptions#THREADS}: from {@code --threads}, a {@code --config} file or a resumed run's
 * {@code config.json}) before it runs.
 */
@Command(name = "gvsl",
        mixinStandardHelpOptions = true,
        versionProvider = Gvsl.Version.class,
        description = "Geometric Visual Similarity Learning (GVSL) on the JVM.",
        subcommands = {PretrainCommand.class, FinetuneCommand.class, LinearCommand.class, PredictCommand.class,
                ImportCommand.class, FeaturesCommand.class, RegisterCommand.class,
                EvaluateCommand.class, ExperimentCommand.class, SelfCheckCommand.class, DataCommand.class, UiCommand.class,
                CommandLine.HelpCommand.class})
public final class Gvsl {

    private static final String HEADLESS = "java.awt.headless";

    private Gvsl() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs one command line; returns the exit status (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Gvsl()).setExecutionStrategy(Gvsl::execute).execute(args);
    }

    /** The execution strategy of the program: the process-wide settings, then the help or the command. */
    static int execute(CommandLine.ParseResult parsed) {
        if (System.getProperty(HEADLESS) == null) {
            System.setProperty(HEADLESS, "true");
        }
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        List<CommandLine> commands = parsed.asCommandLineList();
        CommandLine last = commands.get(commands.size() - 1);
        if (last.getCommand() instanceof ConfiguredCommand<?> command) {
            return runConfigured(command, last.getCommandSpec());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * Resolves the command's configuration, prints it ({@code --print-config}) or applies its thread count and runs
     * it. A problem of the user's making is one line and exit status 2; a failure while running, or a run refused
     * because it would not fit in memory, exit status 1.
     */
    private static <C extends Record> int runConfigured(ConfiguredCommand<C> command, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        try {
            OptionTable<C> table = command.options();
            C config = ConfigSources.resolve(spec, table);
            if (ConfigSources.printOnly(spec)) {
                spec.commandLine().getOut().print(ConfigJson.toJson(config));
                spec.commandLine().getOut().flush();
                return 0;
            }
            table.option(CommonOptions.THREADS, ValueType.INT).ifPresent(o -> MathThreads.apply(table.value(config, o)));
            return command.run(config, ConfigSources.resume(spec));
        } catch (ConfigException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return 2;
        } catch (DataLoadingException e) {
            err.println(name + ": data error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println(name + ": " + e);
            err.flush();
            return 1;
        } catch (StepMemoryEstimate.DoesNotFitException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Reads the version from the jar manifest (absent when run from classes, e.g. in an IDE). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Gvsl.class.getPackage().getImplementationVersion();
            return new String[] {"gvsl " + (v == null ? "(development build)" : v)};
        }
    }
}
