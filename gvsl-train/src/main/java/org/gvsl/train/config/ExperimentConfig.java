package org.gvsl.train.config;

import java.nio.file.Path;

/**
 * What defines a run of {@code gvsl experiment transfer}, immutable: the budget and the options that override
 * parts of it, the experiment folder, the data seed and the thread count. Saved as {@code config.json} in the
 * experiment folder, resolved ({@link #resolved()}: no value left to the budget), and compared with it when the
 * experiment is continued.
 *
 * <p>Each component is an option of {@link ExperimentOptions}. Five default to the budget's value (null until
 * resolved): {@code out}, {@code seeds}, {@code pretrainSteps}, {@code transferSteps} and {@code atlas}.
 */
public record ExperimentConfig(ExperimentBudget budget, Path out, Integer seeds, Integer pretrainSteps,
                               Integer transferSteps, Boolean atlas, long dataSeed, int threads) {

    /** The experiment folder's default, {@code runs/experiment-transfer} (with {@code -quick} for the quick run). */
    public static final Path DEFAULT_OUT = Path.of("runs", "experiment-transfer");

    /** A builder holding the defaults. */
    public static ConfigBuilder<ExperimentConfig> builder() {
        return ExperimentOptions.TABLE.builder();
    }

    /** This configuration with every value the budget provides filled in. */
    public ExperimentConfig resolved() {
        Path folder = out != null ? out : budget == ExperimentBudget.QUICK
                ? DEFAULT_OUT.resolveSibling(DEFAULT_OUT.getFileName() + "-quick") : DEFAULT_OUT;
        return new ExperimentConfig(budget, folder, seeds != null ? seeds : budget.seeds(),
                pretrainSteps != null ? pretrainSteps : budget.pretraining().steps(),
                transferSteps != null ? transferSteps : budget.transfer().steps(),
                atlas != null ? atlas : budget.atlas(), dataSeed, threads);
    }
}
