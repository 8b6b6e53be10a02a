package org.gvsl.train.cli;

import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.file.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gvsl import --npz FILE --out MODEL}: a model file from a state dict in {@code .npz} form (e.g. the
 * authors' PyTorch checkpoint converted by {@code tools/pth2npz.py}). Exit status 2 with one line listing the
 * missing, unexpected and misshapen tensors when the dict does not fit.
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Builds a gvsl model file from an .npz state dict (e.g. the authors' PyTorch checkpoint).",
                "The dict holds tensors under the reference PyTorch names: the full GVSL model, an ablation, or the"
                        + " backbone alone (keys with or without the 'unet.' prefix). Widths and heads are read off the"
                        + " shapes; the rest of the configuration takes the defaults. A .pth converts to .npz with"
                        + " tools/pth2npz.py. A dict that does not fit is a usage error listing every missing,"
                        + " unexpected and misshapen tensor."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--npz", required = true, paramLabel = "FILE", description = "The state dict (.npz).")
    private Path npz;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write (e.g. model.gvsl).")
    private Path out;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        return InferenceOptions.run("gvsl import", cl, () -> {
            PrintWriter stdout = cl.getOut();
            if (Files.isDirectory(out)) {
                throw new CommandLine.ParameterException(cl, "--out " + out + " is a folder: name the model file, e.g. "
                        + out.resolve(PretrainedModel.RUN_MODEL_FILE));
            }
            PretrainedModel model = PretrainedModel.openStateDict(npz,
                    Provenance.now("gvsl import of " + npz.toAbsolutePath().normalize(), null, null, null));
            model.save(out);
            stdout.println("imported " + npz + ": " + model.describe());
            stdout.println("wrote " + out);
            return 0;
        });
    }
}
