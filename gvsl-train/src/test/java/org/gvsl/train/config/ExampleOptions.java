package org.gvsl.train.config;

import java.nio.file.Path;

/**
 * A second, small option table (test fixture): a command other than pre-training, declared as the javadoc of
 * {@link OptionTable} says, with shared options relocated and its own, a nested record and a profile.
 */
public final class ExampleOptions {

    /**
     * The nested part.
     *
     * @param rate      a learning rate
     * @param intensity a choice
     */
    public record Optimiser(double rate, Intensity intensity) {
    }

    /**
     * The example command's configuration.
     *
     * @param data      a folder; selects the paper's profile
     * @param steps     steps
     * @param optimiser the nested record
     * @param threads   math threads
     * @param verbose   a flag
     */
    public record Config(Path data, int steps, Optimiser optimiser, int threads, boolean verbose) {
    }

    private static final OptionTable.Declaration<Config> T = OptionTable.declare(Config.class);

    public static final ConfigOption<Path> DATA = T.add(ConfigOption.builder("data", ValueType.PATH)
            .flag("--data", "DIR").noneByDefault().selectsProfile().help("A folder."));
    public static final ConfigOption<Integer> STEPS = T.add(CommonOptions.steps().byProfile(5, 50));
    public static final ConfigOption<Double> RATE = T.add(CommonOptions.learningRate().key("optimiser.rate")
            .byDefault(0.5).range(Range.from(0, 1)));
    public static final ConfigOption<Intensity> INTENSITY = T.add(ConfigOption.builder("optimiser.intensity",
            ValueType.choice(Intensity.class)).byDefault(Intensity.MR).help("A choice in files only."));
    public static final ConfigOption<Integer> THREADS = T.add(CommonOptions.threads());
    public static final ConfigOption<Boolean> VERBOSE = T.add(ConfigOption.builder("verbose", ValueType.BOOLEAN)
            .flag("--verbose").byDefault(false).help("More lines."));

    public static final OptionTable<Config> TABLE = T.table();

    private ExampleOptions() {
    }
}
