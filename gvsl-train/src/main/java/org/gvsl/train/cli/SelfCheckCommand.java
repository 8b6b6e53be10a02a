package org.gvsl.train.cli;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gvsl selfcheck}: runs reference cases through the production code of this build. */
@Command(name = "selfcheck",
        description = {"Runs the numerical reference cases through this build's production code.",
                "Prints one line per output: CASE OUTPUT max_err/atol PASS|FAIL (fraction of tolerance), or",
                "CASE - SKIP (why) for a case this build does not implement (no check for its family, or",
                "parameters such as another GroupNorm eps that the production code does not offer).",
                "Exit status 0 when every compared output passes, 1 on any FAIL or when nothing was",
                "compared at all (every case skipped); a SKIP alone does not fail the run. 2 for a folder",
                "without a readable manifest.json or a CASE the folder lacks."})
final class SelfCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", paramLabel = "DIR",
            description = "Folder with a manifest.json of reference cases (default: the cases bundled with gvsl).")
    private Path casesDir;

    @Parameters(paramLabel = "CASE", arity = "0..*", description = "Only these cases (default: all).")
    private List<String> only = List.of();

    @Override
    public Integer call() {
        ReferenceCases cases;
        try {
            cases = casesDir == null ? ReferenceCases.bundled() : ReferenceCases.open(casesDir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cases: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        System.out.println(NativeBackend.describe());
        SelfCheck.Summary summary;
        try {
            summary = new SelfCheck().run(cases, only, System.out);
        } catch (IllegalArgumentException e) {
            // SelfCheck reports each case's own errors as lines; what reaches here is a CASE the folder lacks.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return summary.ok() ? 0 : 1;
    }
}
