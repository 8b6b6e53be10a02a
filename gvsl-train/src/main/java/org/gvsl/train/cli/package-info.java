/** The {@code gvsl} command-line program: one picocli command per subcommand, each a thin layer over the library. */
package org.gvsl.train.cli;
