package org.gvsl.model.backend;

import org.gvsl.model.blocks.GroupNormOp;
import org.gvsl.model.losses.LocalNccOp;
import org.gvsl.model.ops.DifferentiableGather;
import org.gvsl.model.ops.HostOpExecutioner;
import org.gvsl.model.ops.SlicingConcat;
import org.gvsl.model.ops.TorchLayoutConv3d;
import org.gvsl.model.warp.TrilinearWarpOp;
import org.nd4j.autodiff.samediff.SameDiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that prepares ND4J for this project's graphs: every graph is created, loaded and given its
 * gradient function here.
 *
 * <p>Why one place: several things must happen once per process before any graph exists — the backend must be
 * loaded with the right native binary ({@link NativeBackend#initialise()}), SameDiff's session array cache set
 * off unless the user chose ({@link NativeMemory#configure()}), a process started without the allocator setting
 * told so ({@link NativeAllocator#warnIfUnset()}), and the differentiable gather must be registered
 * for the native op hash ({@link DifferentiableGather#register()}), or a graph that is cloned or loaded silently
 * loses its warp gradient; likewise the concatenation whose gradient holds none of its inputs
 * ({@link SlicingConcat#register()}), and the convolution that reads PyTorch's weight layout
 * ({@link TorchLayoutConv3d#register()}). On the CPU backend, ND4J's executioner is wrapped so that it runs host ops
 * ({@link HostOpExecutioner#install()}: every other op still goes to ND4J unchanged), and the host ops are
 * registered ({@link TrilinearWarpOp#register()}, {@link GroupNormOp#register()}, {@link LocalNccOp#register()});
 * graph builders choose them only once this has run. Graph builders call {@link #newGraph()} or {@link #load};
 * they never start the backend themselves, and nothing else calls {@link NativeBackend}'s start-up or the registrations.
 *
 * <p>Settings of the whole process (the math thread count, AWT's headless mode) are not made here: they belong to
 * the program that runs ({@code org.gvsl.train.cli.Gvsl}), not to a library. The array cache is the exception
 * that proves it: it is how every graph of this library keeps its arrays, and a user's own setting wins.
 */
public final class GraphRuntime {

    private static volatile boolean started;

    private GraphRuntime() {
    }

    /** Loads the backend and registers the op workarounds, once per process (later calls return at once). */
    public static void start() {
        if (started) {
            return;
        }
        synchronized (GraphRuntime.class) {
            if (!started) {
                NativeBackend.initialise();
                NativeMemory.configure();
                NativeAllocator.warnIfUnset();
                DifferentiableGather.register();
                SlicingConcat.register();
                TorchLayoutConv3d.register();
                HostOpExecutioner.install();
                TrilinearWarpOp.register();
                GroupNormOp.register();
                LocalNccOp.register();
                started = true;
            }
        }
    }

    /** A new, empty SameDiff graph, with the runtime started. */
    public static SameDiff newGraph() {
        start();
        return SameDiff.create();
    }

    /**
     * Loads a SameDiff file ({@code SameDiff.save}) with the runtime started, so its ops come back with their
     * gradients.
     *
     * @param withTrainingState whether to read the updater state and training configuration too
     * @throws IOException naming the file when it is missing or not a readable SameDiff graph
     */
    public static SameDiff load(Path file, boolean withTrainingState) throws IOException {
        start();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such SameDiff file: " + file);
        }
        try {
            return SameDiff.load(file.toFile(), withTrainingState);
        } catch (RuntimeException e) {
            throw new IOException("cannot read " + file + " as a SameDiff graph: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a SameDiff graph from its FlatBuffers bytes ({@code SameDiff.asFlatBuffers}, the content of a file
     * written by {@code SameDiff.save}) without optimiser state, with the runtime started.
     *
     * @param origin names the bytes in messages (e.g. {@code model.gvsl!graph.fb})
     * @throws IOException naming {@code origin} when the bytes are not a readable SameDiff graph
     */
    public static SameDiff load(byte[] flatBuffers, String origin) throws IOException {
        start();
        try {
            return SameDiff.fromFlatBuffers(ByteBuffer.wrap(flatBuffers), false);
        } catch (RuntimeException | IOException e) {
            throw new IOException("cannot read " + origin + " as a SameDiff graph: " + e, e);
        }
    }

    /**
     * Builds the gradient function of {@code sd} (its loss variables must be set) without SameDiff's per-op lines on
     * standard output ({@link GradientFunction} says why and how).
     *
     * @param withGradientsFor placeholders whose gradients are wanted too (e.g. a DL4J layer's input)
     */
    public static void createGradientFunction(SameDiff sd, String... withGradientsFor) {
        start();
        GradientFunction.create(sd, withGradientsFor);
    }
}
