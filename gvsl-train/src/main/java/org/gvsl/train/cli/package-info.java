/**
 * The {@code gvsl} command-line program: one picocli command per subcommand, each a thin layer over the library.
 * Commands configured by an option table ({@link org.gvsl.train.config}) implement {@link
 * org.gvsl.train.cli.ConfiguredCommand}; their flags ({@link org.gvsl.train.cli.OptionFlags}), configuration
 * sources ({@link org.gvsl.train.cli.ConfigSources}) and help footer ({@link org.gvsl.train.cli.DefaultsHelp}) come
 * from the table. {@link org.gvsl.train.cli.Gvsl} owns the settings of the whole process (AWT headless, the math
 * threads, {@link org.gvsl.train.cli.MathThreads}).
 */
package org.gvsl.train.cli;
