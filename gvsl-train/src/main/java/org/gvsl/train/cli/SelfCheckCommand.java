package org.gvsl.train.cli;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gvsl selfcheck}: runs reference cases through the production code of this build. */
@Command(name = "selfcheck",
        description = {"Runs the numerical reference cases through this build's production code.",
                "Prints one line per output: CASE OUTPUT max_err/atol PASS|FAIL (fraction of tolerance), or",
                "CASE - SKIP for a case this build does not implement. Exit status 1 on any FAIL."})
final class SelfCheckCommand implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "DIR",
            description = "Folder with a manifest.json of reference cases (default: the cases bundled with gvsl).")
    private Path casesDir;

    @Parameters(paramLabel = "CASE", arity = "0..*", description = "Only these cases (default: all).")
    private List<String> only = List.of();

    @Override
    public Integer call() {
        System.out.println(NativeBackend.describe());
        ReferenceCases cases = casesDir == null ? ReferenceCases.bundled() : ReferenceCases.open(casesDir);
        SelfCheck.Summary summary = new SelfCheck().run(cases, only, System.out);
        return summary.ok() ? 0 : 1;
    }
}
