/**
 * Configurations of the {@code gvsl} commands, and the one place their options are declared.
 *
 * <p><b>The mechanism.</b> A command's configuration is an immutable record (for pre-training {@link
 * org.gvsl.train.config.PretrainConfig}); its options are an {@link org.gvsl.train.config.OptionTable} of {@link
 * org.gvsl.train.config.ConfigOption}s, one per record component (nested records by dotted keys such as {@code
 * model.widths}), each stating once its key, flags, {@link org.gvsl.train.config.ValueType type}, default (per
 * {@link org.gvsl.train.config.Profile}), {@link org.gvsl.train.config.Range range}, help and whether a resume may
 * change it. From the table come the defaults, the checks of every layer of values ({@link
 * org.gvsl.train.config.ConfigLayers}: defaults, then a JSON/YAML file, then the command line), the resume rule
 * ({@link org.gvsl.train.config.ResumeOverrides}), records built in code ({@link
 * org.gvsl.train.config.ConfigBuilder}) and, in {@code org.gvsl.train.cli}, the command line, {@code --config},
 * {@code --resume}, {@code --print-config} and the help with its table of defaults. Records are written and read
 * as JSON by {@link org.gvsl.train.config.ConfigJson}, keys as the component names.
 *
 * <p><b>Adding an option</b> is one entry in the command's table, and a component of its record:
 * <pre>{@code
 * public static final ConfigOption<Integer> WARMUP = T.add(ConfigOption.builder("warmup", ValueType.INT)
 *         .flag("--warmup", "N").byDefault(0).range(Range.atLeast(0)).help("Steps of learning-rate warm-up."));
 * }</pre>
 *
 * <p><b>Adding a command</b> (e.g. {@code gvsl finetune}):
 * <ol>
 *   <li>a record of its configuration ({@code FinetuneConfig}), with nested records where it embeds one (a
 *       model's {@link org.gvsl.model.gvsl.GvslConfig});</li>
 *   <li>its table, {@code FinetuneOptions}, written as {@link org.gvsl.train.config.PretrainOptions} is:
 *       {@code OptionTable.declare(FinetuneConfig.class)}, one {@code T.add(…)} constant per option in help order,
 *       the shared ones from {@link org.gvsl.train.config.CommonOptions} (seed, threads, workers, steps, lr,
 *       intervals, output, run folder; {@code .key("…")} where the record nests them, {@code .byDefault}/{@code
 *       .byProfile} for its own defaults), and {@code TABLE = T.table()} last. Building the table checks it
 *       against the record, so a misspelt key fails every test at once;</li>
 *   <li>a command class in {@code org.gvsl.train.cli} implementing {@code ConfiguredCommand<FinetuneConfig>}
 *       (return the table; run a resolved configuration), annotated with {@code modelTransformer =
 *       ConfiguredCommand.Options.class}, and listed among {@code Gvsl}'s subcommands. The program then parses,
 *       resolves, prints ({@code --print-config}), applies the thread count and runs it, with one-line errors.</li>
 * </ol>
 */
package org.gvsl.train.config;
