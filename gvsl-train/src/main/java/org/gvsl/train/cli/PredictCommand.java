package org.gvsl.train.cli;

import org.gvsl.data.nifti.NiftiFiles;
import org.gvsl.data.tensor.InputVolume;
import org.gvsl.data.tensor.TensorWriter;
import org.gvsl.model.file.TransferModel;
import org.gvsl.model.file.TransferModelFile;
import org.gvsl.model.gvsl.InferenceMemory;
import org.gvsl.model.inference.SlidingWindowInference;
import org.gvsl.model.inference.WindowWeighting;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.config.Intensity;
import org.gvsl.train.config.TransferOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gvsl predict --model M --input DIR|FILE --out DIR}: a fine-tuned segmentation model's label maps of whole
 * NIfTI volumes by sliding-window inference ({@link SlidingWindowInference}, window = the model's training crop),
 * each written as {@code OUT/NAME.nii.gz} on its input's grid with the input's geometry, optionally with the
 * averaged probabilities as a vector image {@code OUT/NAME_probabilities.nii.gz}.
 *
 * <p>Memory: the volume, the accumulators ({@code 4·(K+1)} bytes a voxel), the argmax, and one batch of windows
 * through the network; arrays are freed eagerly. A line warns before a volume that would not fit.
 */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Segments whole NIfTI volumes with a model written by gvsl finetune or gvsl linear (its"
                + " model.gvsl or run folder): sliding windows of the training crop's size, averaged, argmax.",
                "Writes OUT/NAME.nii.gz label maps on each input's grid with its header geometry."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M",
            description = "A transfer model file (model.gvsl of a finetune/linear run) or such a run folder.")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "DIR|FILE",
            description = "A NIfTI image, or a folder whose .nii/.nii.gz files (recursively) are predicted.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    private Path out;

    @Option(names = "--overlap", paramLabel = "F", defaultValue = "0.5",
            description = "Overlap of neighbouring windows in [0, 1) (default ${DEFAULT-VALUE}).")
    private double overlap;

    @Option(names = "--window-weighting", paramLabel = "constant|gaussian", defaultValue = "constant",
            description = "Weights of overlapping windows (default ${DEFAULT-VALUE}).")
    private String weighting;

    @Option(names = "--window-batch", paramLabel = "B", defaultValue = "1",
            description = "Windows per forward pass (default ${DEFAULT-VALUE}).")
    private int windowBatch;

    @Option(names = "--probabilities", description = "Also write the averaged class probabilities (NAME_probabilities"
            + ".nii.gz, a vector image of K components).")
    private boolean probabilities;

    @Option(names = "--intensity", paramLabel = "ct|ct-shifted|mr|none",
            description = "Normalisation of the inputs. Default: the model's training run's.")
    private String intensity;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        return InferenceOptions.run("gvsl predict", cl, () -> {
            PrintWriter stdout = cl.getOut();
            if (!(overlap >= 0 && overlap < 1)) {
                throw new CommandLine.ParameterException(cl, "--overlap must be in [0, 1), got " + overlap);
            }
            if (windowBatch < 1) {
                throw new CommandLine.ParameterException(cl, "--window-batch must be ≥ 1, got " + windowBatch);
            }
            WindowWeighting w;
            try {
                w = TransferOptions.WINDOW_WEIGHTING.type().parse(weighting);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--window-weighting: " + e.getMessage());
            }
            List<Path> files = inputs(cl);
            TransferModel m = TransferModelFile.read(model);
            if (m.config().task() != TransferTask.SEGMENTATION) {
                throw new CommandLine.ParameterException(cl, model + " is a classification model; gvsl predict"
                        + " segments (a model of gvsl finetune/linear without --task classification)");
            }
            Intensity norm = InferenceOptions.intensity(intensity, m.runConfigText(), cl);
            stdout.println("model " + model + ": " + m.describe());
            stdout.println(files.size() + " volume(s), " + norm.optionName() + " intensity, window " + m.window()
                    + ", overlap " + overlap + ", " + w.name().toLowerCase(Locale.ROOT) + " weighting, " + windowBatch
                    + " window(s) per pass");
            stdout.flush();
            Files.createDirectories(out);
            TransferGraph graph = m.graph(m.window());
            SlidingWindowInference inference = SlidingWindowInference.builder().setWindow(m.window())
                    .optOverlap(overlap).optWeighting(w).optBatchSize(windowBatch).build();
            long parameters = m.weights().values().stream().mapToLong(a -> a.length()).sum();
            for (int i = 0; i < files.size(); i++) {
                predict(files.get(i), i, files.size(), graph, inference, m, parameters, norm, stdout, cl.getErr());
            }
            stdout.println("wrote " + files.size() + " label map(s) to " + out);
            return 0;
        });
    }

    private void predict(Path file, int index, int count, TransferGraph graph, SlidingWindowInference inference,
                         TransferModel m, long parameters, Intensity norm, PrintWriter stdout, PrintWriter err)
            throws IOException {
        InputVolume image = InputVolume.image(file, norm.normalization());
        if (!image.hasGeometry()) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + " is not a NIfTI image");
        }
        SpatialSize size = InferenceOptions.size(image);
        int k = m.config().classes();
        InferenceOptions.prepare(inference.memoryBytes(size, 1, k) + image.array().length() * 4L
                        + InferenceMemory.features(m.config().widths(), parameters, m.window()) * windowBatch,
                "predicting " + file.getFileName() + " (" + size + ")", err);
        String name = NiftiFiles.stem(file);
        int windows = inference.windowStarts(size).size();
        stdout.printf(Locale.ROOT, "[%d/%d] %s %s: %d windows ...", index + 1, count, name, size, windows);
        stdout.flush();
        long t0 = System.nanoTime();
        SlidingWindowInference.Prediction p = inference.run(image.array(), graph.windowPredictor());
        int[] labels = p.labels();
        TensorWriter.writeLabels(org.nd4j.linalg.factory.Nd4j.createFromArray(labels)
                .reshape(1, 1, size.d(), size.h(), size.w()), out.resolve(name + ".nii.gz"), image.geometry());
        if (probabilities) {
            TensorWriter.write(p.probabilities().reshape(1, k, size.d(), size.h(), size.w()),
                    out.resolve(name + "_probabilities.nii.gz"), image.geometry());
        }
        p.probabilities().close();
        image.array().close();
        stdout.printf(Locale.ROOT, " done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        stdout.flush();
    }

    private List<Path> inputs(CommandLine cl) throws IOException {
        if (Files.isDirectory(input)) {
            List<Path> files = NiftiFiles.find(input);
            if (files.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--input " + input + " holds no .nii or .nii.gz file");
            }
            return files;
        }
        if (!Files.isRegularFile(input)) {
            throw new CommandLine.ParameterException(cl, "--input " + input + ": no such file or folder");
        }
        return List.of(input);
    }
}
