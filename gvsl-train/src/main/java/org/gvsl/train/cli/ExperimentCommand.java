package org.gvsl.train.cli;

import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ExperimentConfig;
import org.gvsl.train.config.ExperimentOptions;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.experiment.TransferExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gvsl experiment}: reproducible experiments over the other commands. */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        description = "Reproducible experiments: many runs of the other commands, summarised.",
        subcommands = {ExperimentCommand.Transfer.class, CommandLine.HelpCommand.class})
final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /**
     * {@code gvsl experiment transfer}: the paper's claim in miniature ({@link TransferExperiment}). Exit status 0
     * when every sub-run has ended (a sub-run stopped by a non-finite value is reported, not fatal); 1 for a
     * failure while running; 2 for a usage error (a bad option, a folder holding another experiment, the atlas
     * cohort's files missing).
     */
    @Command(name = "transfer",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            modelTransformer = ConfiguredCommand.Options.class,
            description = {"The paper's claim in miniature: for each seed, pre-train restoration only, GVSL without"
                    + " the affine head and full GVSL with one budget on unlabelled synthetic CT; then evaluate those"
                    + " and a random backbone (scratch) by linear evaluation and fine-tuning with few labelled"
                    + " volumes: segmentation of the synthetic structures, classification of the synthetic lesions"
                    + " (AUC) and the atlas cohort's lobes; and measure how well each pre-trained model registers"
                    + " held-out pairs.",
                    "Writes results.csv, cases.csv, registration.csv, summary.md, summary.json and transfer.png into"
                            + " the experiment folder, each sub-run in its own run folder beside them. Run it again"
                            + " with the same folder (or --resume DIR) to continue where it stopped.",
                    ""})
    static final class Transfer implements ConfiguredCommand<ExperimentConfig> {

        @Override
        public OptionTable<ExperimentConfig> options() {
            return ExperimentOptions.TABLE;
        }

        @Override
        public int run(ExperimentConfig config, Path resume) throws ConfigException, IOException {
            ExperimentConfig c = resume == null ? config : new ExperimentConfig(config.budget(), resume, config.seeds(),
                    config.pretrainSteps(), config.transferSteps(), config.atlas(), config.dataSeed(), config.threads());
            TransferExperiment.builder().setConfig(c).build().run();
            return 0;
        }
    }
}
