package org.gvsl.train.cli;

import org.gvsl.data.nifti.NiftiFormatException;
import org.gvsl.data.tensor.InputVolume;
import org.gvsl.data.tensor.VolumeFileException;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.file.ModelFormatException;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.config.Intensity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What {@code gvsl features} and {@code gvsl register} share (and {@code gvsl predict}, its static parts): the model and the intensity options, the reading of
 * input volumes, the memory warning and the mapping of errors to exit statuses (a picocli mixin).
 *
 * <p>Exit status 2, one line: a bad argument or input — a model that cannot be used, an input that is not a
 * NIfTI image or a {@code .npy} volume, shapes that do not fit, an output name of an unknown kind. Exit status 1:
 * a failure while running (a disk error, out of memory).
 */
final class InferenceOptions {

    @Option(names = "--model", required = true, paramLabel = "M",
            description = "A model file (model.gvsl) written by gvsl, a pre-training run folder, or an .npz state dict.")
    Path model;

    @Option(names = "--intensity", paramLabel = "ct|ct-soft-tissue|ct-shifted|mr|none",
            description = "Normalisation of NIfTI inputs (never of .npy): CT in HU clip(HU + 1024, 0, 2048)/2048,"
                    + " CT in HU under the soft-tissue window clip(HU + 160, 0, 400)/400, CT holding HU+1024, MR min-max, or none. Default: the model's training run's, else ct.")
    String intensity;

    /** Opens the model, announcing it. */
    PretrainedModel open(PrintWriter out) throws IOException {
        PretrainedModel m = PretrainedModel.open(model);
        out.println("model " + model + ": " + m.describe());
        return m;
    }

    /** The normalisation of NIfTI inputs: {@code --intensity}, else the model's run's, else CT (Hounsfield units). */
    Intensity intensity(PretrainedModel m, CommandLine cl) {
        return intensity(intensity, m.runConfig(), cl);
    }

    /**
     * The normalisation of NIfTI inputs: the option's value if given, else the training run's (from its
     * configuration), else CT (Hounsfield units).
     *
     * @throws CommandLine.ParameterException naming {@code --intensity} when its value is none of the names
     */
    static Intensity intensity(String option, java.util.Optional<String> runConfig, CommandLine cl) {
        if (option != null) {
            try {
                return Intensity.parse(option);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--intensity: " + e.getMessage());
            }
        }
        return runConfig.flatMap(Intensity::ofRunConfig).orElse(Intensity.CT);
    }

    /** The spatial size of an input volume, for the graphs. */
    static SpatialSize size(InputVolume v) {
        return new SpatialSize(v.shape().depth(), v.shape().height(), v.shape().width());
    }

    /**
     * Prepares inference on whole volumes: a line warns when the estimated peak exceeds what this process may use.
     */
    static void prepare(long estimatedBytes, String what, PrintWriter err) {
        long limit = NativeMemory.limitBytes();
        if (estimatedBytes > limit) {
            err.printf(Locale.ROOT, "warning: %s needs about %.1f GB of memory, more than the %.1f GB this process may"
                    + " use: it will probably run out of memory (crop or downsample the volumes, or use a larger"
                    + " machine)%n", what, estimatedBytes / 1e9, limit / 1e9);
            err.flush();
        }
    }

    /** Runs a command's body and maps its errors to one line on standard error and an exit status. */
    static int run(String command, CommandLine cl, Callable<Integer> body) {
        PrintWriter err = cl.getErr();
        try {
            return body.call();
        } catch (CommandLine.ParameterException | ModelFormatException | VolumeFileException
                 | NiftiFormatException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println(command + ": " + e);
            err.flush();
            return 1;
        } catch (OutOfMemoryError e) {
            err.println(command + ": out of memory: " + e.getMessage());
            err.flush();
            return 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        } finally {
            cl.getOut().flush();
        }
    }
}
