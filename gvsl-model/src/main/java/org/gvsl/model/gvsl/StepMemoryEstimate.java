package org.gvsl.model.gvsl;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferTask;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Locale;

/**
 * An estimate of the peak resident memory of a process that runs GVSL training steps (or downstream transfer
 * steps, {@link #ofTransfer}), so that a configuration that cannot fit is refused up front instead of being killed
 * by the kernel.
 *
 * <pre>
 *   peak = runtime + b·(4·P + k·A)
 *   A    = U·V'·(c0 + c1/8 + c2/64 + c3/512 + c4/4096 + c5/512 + c6/64 + c7/8 + c8) + N·V·(4·c8 + 16)
 * </pre>
 * with b the bytes per element (4 for float32, 8 for float64), P the parameter count (each parameter is held as
 * the value, the two Adam moments and the gradient: 4), V the
 * crop's voxels and V' those of the crop padded to a multiple of 16, U the volumes through the U-Net (2N with the
 * registration branch, N without), N the batch; A counts the elements of one U-Net pass over its levels and of
 * the full-resolution heads (warped features, deformable and restoration heads). {@link #RUNTIME_BYTES} and
 * {@link #BYTES_PER_ACTIVATION} (k) are fitted to measured peaks ({@code benchmarks/compare-authors}, peak RSS of
 * {@code TrainingStepMemory}; the README's "Speed and memory"), full width, float32, on the CPU backend with its
 * host ops and the convolutions reading PyTorch's weight layout: batch 2 at 32³ 1.84 GB and at 64³ 5.96 GB, batch 1
 * at 128³ 22.1 GB (the largest of each size's runs); the estimate is 1.95, 6.67 and 22.9 GB. A fine-tuning step
 * (segmentation, 8 classes, 64³, batch 2) measured 3.09 GB.
 *
 * <p><b>A transfer step</b> ({@link #ofTransfer}) is counted the same way with U = N and the segmentation head's
 * full-resolution arrays N·V·4K (logits, probabilities, one-hot labels, the Dice products) instead of the
 * Z-Matching heads; classification runs the encoder alone (its levels 0..4, no head term worth counting). A frozen
 * backbone (linear evaluation) holds 1 copy of each of its parameters instead of 4, and its activations are
 * counted as fine-tuning's: an upper bound.
 *
 * @param runtimeBytes    the JVM, ND4J's native libraries and their buffers
 * @param parameterBytes  parameters, gradients, Adam state and weight copies
 * @param activationBytes what one forward and backward pass holds at its peak
 */
public record StepMemoryEstimate(long runtimeBytes, long parameterBytes, long activationBytes) {

    /** The system property that turns {@link #requireFits} off ({@code off}). */
    public static final String CHECK_PROPERTY = "gvsl.memoryCheck";

    /** Resident memory of the runtime and what a step holds whatever its size (the fit's intercept). */
    public static final long RUNTIME_BYTES = 750_000_000L;

    /** Copies of each parameter held during training: value, Adam m and v, gradient. */
    public static final int PARAMETER_COPIES = 4;

    /** Copies of each frozen parameter: the value. */
    public static final int FROZEN_PARAMETER_COPIES = 1;

    /** k: bytes held per activation element (of b bytes) at a step's peak, fragmentation included. */
    public static final double BYTES_PER_ACTIVATION = 8.2;

    /** Estimates a training step of {@code config} for batch {@code batch} and crop {@code size}. */
    public static StepMemoryEstimate of(GvslConfig config, int batch, SpatialSize size, DataType type) {
        return of(config, parameterCount(config), batch, size, type);
    }

    /** As {@link #of(GvslConfig, int, SpatialSize, DataType)}, with the parameter count already known. */
    public static StepMemoryEstimate of(GvslConfig config, long parameters, int batch, SpatialSize size,
                                        DataType type) {
        int bytes = type.width();
        return new StepMemoryEstimate(RUNTIME_BYTES, (long) PARAMETER_COPIES * parameters * bytes,
                Math.round(BYTES_PER_ACTIVATION * bytes * activations(config, batch, size)));
    }

    /**
     * Estimates a downstream training step of {@code config} (segmentation or classification, linear or fine-tuning)
     * for batch {@code batch} and crop {@code size}.
     *
     * @param trainable the trainable parameters (the head's alone for linear evaluation)
     * @param frozen    the parameters held as constants (the backbone's for linear evaluation, else 0)
     */
    public static StepMemoryEstimate ofTransfer(TransferConfig config, long trainable, long frozen, int batch,
                                                SpatialSize size, DataType type) {
        int bytes = type.width();
        UNetWidths c = config.widths();
        boolean segmentation = config.task() == TransferTask.SEGMENTATION;
        double perPaddedVoxel = segmentation ? perPaddedVoxel(c) : encoderPerPaddedVoxel(c);
        double activations = (double) batch * UNet3D.paddedSize(size).voxels() * perPaddedVoxel
                + (segmentation ? (double) batch * size.voxels() * 4.0 * config.classes() : 0);
        return new StepMemoryEstimate(RUNTIME_BYTES,
                ((long) PARAMETER_COPIES * trainable + FROZEN_PARAMETER_COPIES * frozen) * bytes,
                Math.round(BYTES_PER_ACTIVATION * bytes * activations));
    }

    /** A, the activation elements of one step (see the class comment). */
    static double activations(GvslConfig config, int batch, SpatialSize size) {
        UNetWidths c = config.widths();
        int volumes = config.variant().registration() ? 2 * batch : batch;
        double unet = (double) volumes * UNet3D.paddedSize(size).voxels() * perPaddedVoxel(c);
        double heads = (double) batch * size.voxels() * (4.0 * c.c8() + 16);
        return unet + heads;
    }

    /** One U-Net pass's elements per padded voxel, over its nine levels. */
    private static double perPaddedVoxel(UNetWidths c) {
        return encoderPerPaddedVoxel(c) + c.c5() / 512.0 + c.c6() / 64.0 + c.c7() / 8.0 + c.c8();
    }

    /** The encoder's share of {@link #perPaddedVoxel}: levels 0..4. */
    private static double encoderPerPaddedVoxel(UNetWidths c) {
        return c.c0() + c.c1() / 8.0 + c.c2() / 64.0 + c.c3() / 512.0 + c.c4() / 4096.0;
    }

    /** The number of trainable parameters of {@code config}'s model (built, without a forward pass). */
    public static long parameterCount(GvslConfig config) {
        SameDiff sd = GraphRuntime.newGraph();
        GvslModel.create(new ParameterFactory(sd, DataType.FLOAT, config.seed()), config);
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /** A run refused up front because its estimate exceeds the memory the process can reach. */
    public static final class DoesNotFitException extends IllegalStateException {
        private DoesNotFitException(String message) {
            super(message);
        }
    }

    /**
     * Refuses a run that would not fit: throws when the estimate exceeds the memory this process can reach
     * ({@link NativeMemory#reachableBytes()}), unless {@code -D}{@value #CHECK_PROPERTY}{@code =off}. Only on the CPU
     * backend: on a GPU the arrays are in the card's memory, which this estimate does not bound.
     *
     * @param what the run, for the message (e.g. {@code "a full-width training step at 128³, batch 2"})
     * @throws DoesNotFitException naming the run, the estimate and the memory available
     */
    public void requireFits(String what) {
        if (NativeBackend.onCpu()) {
            requireFits(what, NativeMemory.reachableBytes());
        }
    }

    /** {@link #requireFits(String)} against {@code reachable} bytes (−1: unknown, never refused). */
    void requireFits(String what, long reachable) {
        if (reachable > 0 && totalBytes() > reachable && !"off".equals(System.getProperty(CHECK_PROPERTY))) {
            throw new DoesNotFitException(String.format(Locale.ROOT, "%s needs %s, but this process can have "
                    + "about %.1f GB (free memory or its memory limit); use a smaller crop, batch or widths, or set "
                    + "-D%s=off (JAVA_OPTS) to try anyway", what, describe(), reachable / 1e9, CHECK_PROPERTY));
        }
    }

    /** The estimated peak in bytes. */
    public long totalBytes() {
        return runtimeBytes + parameterBytes + activationBytes;
    }

    /** E.g. {@code about 2.0 GB (runtime 0.3, parameters with gradients and Adam state 0.8, activations 0.9)}. */
    public String describe() {
        return String.format(Locale.ROOT, "about %.1f GB (runtime %.1f, parameters with gradients and Adam state"
                        + " %.1f, activations %.1f)", totalBytes() / 1e9, runtimeBytes / 1e9, parameterBytes / 1e9,
                activationBytes / 1e9);
    }
}
