package org.gvsl.train.cli;

import org.gvsl.train.monitor.TrainingUi;
import org.gvsl.train.monitor.UiStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gvsl ui}: serves a run's training statistics with DL4J's training UI until interrupted. */
@Command(name = "ui",
        mixinStandardHelpOptions = true,
        description = {"Shows a run's training statistics in DL4J's training UI.",
                "Serves RUN_DIR/" + UiStats.FILE + " (written by gvsl pretrain --ui-stats) with DL4J's UI server and",
                "prints the page's URL: the loss plots, and the run's graph at #graph. Reload the page to see a",
                "running training's latest steps. Runs until interrupted (Ctrl-C). DL4J's server listens on all",
                "network interfaces."})
final class UiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
    private Path runDir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + TrainingUi.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}, DL4J's; 0: any free port).")
    private int port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path stats = runDir.resolve(UiStats.FILE);
        if (!Files.isRegularFile(stats)) {
            err.println("gvsl ui: no " + UiStats.FILE + " in " + runDir + " (run gvsl pretrain with --ui-stats)");
            err.flush();
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("gvsl ui: --port must be in 0..65535, got " + port);
            err.flush();
            return 2;
        }
        try (TrainingUi ui = TrainingUi.start(stats, port)) {
            out.println("gvsl ui: serving " + stats + " at " + ui.url() + " (Ctrl-C to stop)");
            out.flush();
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException e) {
            err.println("gvsl ui: " + e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            return 0; // stopped: the server is closed
        }
    }
}
