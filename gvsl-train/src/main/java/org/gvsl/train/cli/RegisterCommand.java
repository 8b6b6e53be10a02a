package org.gvsl.train.cli;

import org.gvsl.data.tensor.InputVolume;
import org.gvsl.data.tensor.TensorWriter;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.gvsl.InferenceMemory;
import org.gvsl.model.gvsl.RegistrationGraph;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.warp.NearestNeighbourWarp;
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
 * {@code gvsl register --model M --fixed A --moving B --dvf-out PHI --warped-out W [--affine-out A.npy]
 * [--moving-labels L --labels-out L2]}: registers one whole pair with the pre-trained Z-Matching head ({@link
 * PretrainedModel#registration}) and optionally warps the moving image's label map onto the fixed image.
 */
@Command(name = "register",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Registers a moving volume to a fixed one with the pre-trained Z-Matching head.",
                "Writes the fused field PHI [1, 3, D, H, W] in voxels, channels (D, H, W), warped(p) = moving(p +"
                        + " PHI(p)); the warped moving volume W [1, 1, D, H, W]; and the affine matrix A [1, 3, 4] on"
                        + " align-corners normalised (x, y, z) = (W, H, D). Outputs are float32 .npy; for NIfTI inputs"
                        + " PHI, W and the labels may be .nii/.nii.gz on the fixed image's grid (PHI as a 3-component"
                        + " vector image). A and B are NIfTI images (normalised by --intensity) or .npy arrays [D, H, W]"
                        + " or [1, 1, D, H, W] taken as they are; both of one size, every axis at least 2."})
final class RegisterCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InferenceOptions options;

    @Option(names = "--fixed", required = true, paramLabel = "A", description = "The fixed volume (.nii, .nii.gz or .npy).")
    private Path fixed;

    @Option(names = "--moving", required = true, paramLabel = "B", description = "The moving volume, same size.")
    private Path moving;

    @Option(names = "--dvf-out", required = true, paramLabel = "PHI", description = "The displacement field.")
    private Path dvfOut;

    @Option(names = "--warped-out", required = true, paramLabel = "W", description = "The warped moving volume.")
    private Path warpedOut;

    @Option(names = "--affine-out", paramLabel = "A.npy", description = "The affine matrix (.npy).")
    private Path affineOut;

    @Option(names = "--moving-labels", paramLabel = "L",
            description = "A label map on the moving volume's grid, warped by nearest neighbour (with --labels-out).")
    private Path movingLabels;

    @Option(names = "--labels-out", paramLabel = "L2",
            description = "The warped label map: int32 .npy, or NIfTI of the smallest integer type that holds it.")
    private Path labelsOut;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        return InferenceOptions.run("gvsl register", cl, () -> {
            if ((movingLabels == null) != (labelsOut == null)) {
                throw new CommandLine.ParameterException(cl, "--moving-labels and --labels-out go together");
            }
            PrintWriter out = cl.getOut();
            PretrainedModel model = options.open(out);
            if (model.backboneOnly() || !model.config().variant().registration()) {
                throw new CommandLine.ParameterException(cl, options.model + " has no registration heads (it holds "
                        + (model.backboneOnly() ? "only the backbone" : "variant " + model.config().variant())
                        + "): register needs a model with Z-Matching");
            }
            Intensity intensity = options.intensity(model, cl);
            InputVolume a = InputVolume.image(fixed, intensity.normalization());
            InputVolume b = InputVolume.image(moving, intensity.normalization());
            requireSameSize(cl, "moving", moving, b, a);
            SpatialSize size = InferenceOptions.size(a);
            if (size.d() < 2 || size.h() < 2 || size.w() < 2) {
                throw new CommandLine.ParameterException(cl, fixed + " is " + size + ": registration needs every axis"
                        + " of at least 2 voxels");
            }
            InputVolume labels = movingLabels == null ? null : InputVolume.labels(movingLabels);
            if (labels != null) {
                requireSameSize(cl, "--moving-labels", movingLabels, labels, b);
            }
            TensorWriter.requireWritable(dvfOut, true, a.geometry());
            TensorWriter.requireWritable(warpedOut, true, a.geometry());
            if (affineOut != null) {
                TensorWriter.requireWritable(affineOut, false, a.geometry());
            }
            if (labelsOut != null) {
                TensorWriter.requireWritable(labelsOut, true, a.geometry());
            }
            InferenceOptions.prepare(InferenceMemory.registration(model.config().widths(), model.parameterCount(),
                    size), "registering a pair of " + size, cl.getErr());
            out.println("registering " + moving + " to " + fixed + " (" + size + (a.hasGeometry() ? ", "
                    + intensity.optionName() + " intensity" : ", .npy as it is") + ") ...");
            out.flush();
            long t0 = System.nanoTime();
            RegistrationGraph.Result r = model.registration(1, size).register(a.array(), b.array());
            TensorWriter.write(r.dvf(), dvfOut, a.geometry());
            out.println("wrote " + dvfOut + " " + Arrays.toString(r.dvf().shape()));
            TensorWriter.write(r.warped(), warpedOut, a.geometry());
            out.println("wrote " + warpedOut + " " + Arrays.toString(r.warped().shape()));
            if (affineOut != null) {
                TensorWriter.write(r.affine(), affineOut, null);
                out.println("wrote " + affineOut + " " + Arrays.toString(r.affine().shape()));
            }
            if (labels != null) {
                TensorWriter.writeLabels(NearestNeighbourWarp.warp(labels.array(), r.dvf()), labelsOut, a.geometry());
                out.println("wrote " + labelsOut + " (labels warped by nearest neighbour)");
            }
            out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        });
    }

    private static void requireSameSize(CommandLine cl, String what, Path file, InputVolume v, InputVolume reference) {
        if (!v.shape().equals(reference.shape())) {
            throw new CommandLine.ParameterException(cl, what + " " + file + " is " + v.shape() + ", but "
                    + reference.source() + " is " + reference.shape() + ": both must lie on one grid (resample first)");
        }
    }
}
