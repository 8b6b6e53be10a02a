package org.gvsl.train.cli;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.train.config.ExampleOptions;
import org.gvsl.train.config.OptionTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** A second configured command (test fixture): it records what it was run with. */
@Command(name = "example", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ConfiguredCommand.Options.class, description = "An example command.")
final class ExampleCommand implements ConfiguredCommand<ExampleOptions.Config> {

    /** The configuration it ran with (null: it did not run). */
    ExampleOptions.Config ran;
    /** The run folder it resumed. */
    Path resumed;
    /** The backend line when it ran, with the thread count in effect. */
    String backend;

    @Override
    public OptionTable<ExampleOptions.Config> options() {
        return ExampleOptions.TABLE;
    }

    @Override
    public int run(ExampleOptions.Config config, Path resume) {
        ran = config;
        resumed = resume;
        backend = NativeBackend.describe();
        return 0;
    }

    /** The exit status and what the program printed. */
    record Outcome(int status, String out, String err) {
    }

    /** Runs the command line through the program's execution strategy. */
    Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(this).setExecutionStrategy(Gvsl::execute);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
