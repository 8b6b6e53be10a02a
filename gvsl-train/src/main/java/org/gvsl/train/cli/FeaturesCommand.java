package org.gvsl.train.cli;

import org.gvsl.data.tensor.InputVolume;
import org.gvsl.data.tensor.TensorWriter;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.gvsl.BackboneGraph;
import org.gvsl.model.gvsl.InferenceMemory;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.config.Intensity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gvsl features --model M --input X --local-out F.npy [--global-out G.npy]}: the backbone's local and global
 * features of one whole volume ({@link PretrainedModel#backbone}).
 */
@Command(name = "features",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Computes the pre-trained backbone's features of one whole volume of any size.",
                "Writes the local features F [1, c8, D, H, W] and the global features G [1, c4, D'/16, H'/16, W'/16]"
                        + " (D' = D rounded up to a multiple of 16) as float32 .npy; for a NIfTI input F may be"
                        + " .nii/.nii.gz, a vector image on its grid. X is a NIfTI image (normalised by --intensity) or"
                        + " an .npy array [D, H, W] or [1, 1, D, H, W] taken as it is."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InferenceOptions options;

    @Option(names = "--input", required = true, paramLabel = "X", description = "The volume (.nii, .nii.gz or .npy).")
    private Path input;

    @Option(names = "--local-out", required = true, paramLabel = "F", description = "Local features F (.npy, or NIfTI).")
    private Path localOut;

    @Option(names = "--global-out", paramLabel = "G", description = "Global features G (.npy).")
    private Path globalOut;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        return InferenceOptions.run("gvsl features", cl, () -> {
            PrintWriter out = cl.getOut();
            PretrainedModel model = options.open(out);
            Intensity intensity = options.intensity(model, cl);
            InputVolume image = InputVolume.image(input, intensity.normalization());
            TensorWriter.requireWritable(localOut, true, image.geometry());
            if (globalOut != null) {
                TensorWriter.requireWritable(globalOut, false, image.geometry());
            }
            SpatialSize size = InferenceOptions.size(image);
            InferenceOptions.prepare(InferenceMemory.features(model.config().widths(), model.parameterCount(), size),
                    "the features of " + size, cl.getErr());
            out.println("features of " + input + " (" + size + (image.hasGeometry() ? ", " + intensity.optionName()
                    + " intensity" : ", .npy as it is") + ") ...");
            out.flush();
            long t0 = System.nanoTime();
            BackboneGraph.Features features = model.backbone(1, size).features(image.array());
            TensorWriter.write(features.local(), localOut, image.geometry());
            out.println("wrote " + localOut + " " + Arrays.toString(features.local().shape()));
            if (globalOut != null) {
                TensorWriter.write(features.global(), globalOut, null);
                out.println("wrote " + globalOut + " " + Arrays.toString(features.global().shape()));
            }
            out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        });
    }
}
