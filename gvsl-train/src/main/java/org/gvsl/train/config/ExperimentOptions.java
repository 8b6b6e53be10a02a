package org.gvsl.train.config;

import java.nio.file.Path;

/**
 * The options of {@code gvsl experiment transfer}, in the order of its help: the table of {@link ExperimentConfig}.
 * Everything else about the experiment is its {@link ExperimentBudget}.
 */
public final class ExperimentOptions {

    private static final OptionTable.Declaration<ExperimentConfig> T = OptionTable.declare(ExperimentConfig.class);

    public static final ConfigOption<ExperimentBudget> BUDGET = T.add(ConfigOption.builder("budget",
                    ValueType.choice(ExperimentBudget.class)).byDefault(ExperimentBudget.STANDARD)
            .preset("--quick", ExperimentBudget.QUICK, "The few-minute version: tiny volumes, a few steps, 2 seeds.")
            .flag("--budget").help("The experiment's size: standard (the default run) or quick."));
    public static final ConfigOption<Path> OUT = T.add(ConfigOption.builder("out", ValueType.PATH)
            .flag("--out", "DIR").noneByDefault()
            .help("The experiment folder: new, or one to continue (default runs/experiment-transfer, -quick with"
                    + " --quick)."));
    public static final ConfigOption<Integer> SEEDS = T.add(ConfigOption.builder("seeds", ValueType.INT)
            .flag("--seeds", "N").noneByDefault().range(Range.atLeast(1)).resumable()
            .help("Seeds 1..N, each pre-training and transferring every method once (default: the budget's, 3 or"
                    + " 2)."));
    public static final ConfigOption<Integer> PRETRAIN_STEPS = T.add(ConfigOption.builder("pretrainSteps",
                    ValueType.INT).flag("--pretrain-steps", "N").noneByDefault().range(Range.atLeast(1))
            .help("Pre-training steps of every method (default: the budget's)."));
    public static final ConfigOption<Integer> TRANSFER_STEPS = T.add(ConfigOption.builder("transferSteps",
                    ValueType.INT).flag("--transfer-steps", "N").noneByDefault().range(Range.atLeast(1))
            .help("Steps of every linear and fine-tuning run (default: the budget's)."));
    public static final ConfigOption<Boolean> ATLAS = T.add(ConfigOption.builder("atlas", ValueType.BOOLEAN)
            .flag("--atlas").noneByDefault()
            .help("Include the atlas cohort's lobe segmentation (needs Debian's mricron-data; default: on, off with"
                    + " --quick)."));
    public static final ConfigOption<Long> DATA_SEED = T.add(ConfigOption.builder("dataSeed", ValueType.LONG)
            .flag("--data-seed", "N").byDefault(0L)
            .help("Seed of the labelled cohorts and their splits (fixed for all seeds and methods)."));
    public static final ConfigOption<Integer> THREADS = T.add(CommonOptions.threads());

    /** The table of the options above (declared after them). */
    public static final OptionTable<ExperimentConfig> TABLE = T.table();

    private ExperimentOptions() {
    }
}
