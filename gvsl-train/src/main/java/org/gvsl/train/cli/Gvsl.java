package org.gvsl.train.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gvsl} program. {@link #main(String[])} exits with the status of {@link #run(String...)}, which tests
 * call directly.
 */
@Command(name = "gvsl",
        mixinStandardHelpOptions = true,
        versionProvider = Gvsl.Version.class,
        description = "Geometric Visual Similarity Learning (GVSL) on the JVM.",
        subcommands = {PretrainCommand.class, ImportCommand.class, FeaturesCommand.class, RegisterCommand.class,
                SelfCheckCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class Gvsl {

    private Gvsl() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs one command line; returns the exit status (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Gvsl()).execute(args);
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
