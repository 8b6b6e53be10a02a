package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;

import java.util.List;

/**
 * ND4J's native {@code conv3dnew} with its weights in PyTorch's layout {@code [Cout, Cin, kD, kH, kW]}, and the
 * weight gradient in the same layout: libnd4j's weight-format argument 1 (its 15th integer argument), which
 * ND4J's Java {@code Conv3DConfig} cannot express.
 *
 * <p>Why: with ND4J's layout {@code [kD, kH, kW, Cin, Cout]} every step permuted each weight forward and each
 * weight gradient back, 74 permutes and a copy of every weight and of its gradient per full-width step (0.36 s of
 * a 3.1 s 32³ step). The oneDNN and the plain CPU kernels both read the format (checked against the permuted form
 * to the last bit, forward and backward).
 *
 * <p>{@link #register()} maps the native op's hash to this class, so a graph that is cloned (as its gradient
 * function is built) or loaded keeps the format in its gradient op; ND4J's own {@code Conv3D} would build that op
 * from its config and drop it. Any {@code conv3dnew} without the argument keeps ND4J's layout and gradient.
 */
public final class TorchLayoutConv3d extends Conv3D {

    /** libnd4j's weight format {@code [Cout, Cin, kD, kH, kW]}. */
    private static final int OIDHW = 1;
    /** The index of the weight format among {@code conv3dnew}'s integer arguments. */
    private static final int FORMAT_ARGUMENT = 14;

    private static volatile boolean registered;

    /** For the op registry and FlatBuffers deserialisation. */
    public TorchLayoutConv3d() {
    }

    private TorchLayoutConv3d(SameDiff sd, SDVariable[] inputs, Conv3DConfig config) {
        super(sd, inputs, config);
        addIArgument(OIDHW);
    }

    /**
     * Convolves {@code x [N, Cin, D, H, W]} with {@code weight [Cout, Cin, kD, kH, kW]} and {@code bias [Cout]}.
     *
     * @param config NCDHW data, bias used
     */
    public static SDVariable apply(SDVariable x, SDVariable weight, SDVariable bias, Conv3DConfig config) {
        register();
        return new TorchLayoutConv3d(x.getSameDiff(), new SDVariable[] {x, weight, bias}, config).outputVariable();
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        List<SDVariable> result = super.doDiff(gradients);
        if (numIArguments() > FORMAT_ARGUMENT && getIArgument(FORMAT_ARGUMENT) == OIDHW) {
            DynamicCustomOp backward = (DynamicCustomOp) sameDiff.getVariableOutputOp(result.get(0).name());
            backward.addIArgument(OIDHW);
        }
        return result;
    }

    /**
     * Maps the native {@code conv3dnew} op hash to this class, so cloned and loaded graphs keep the weight format.
     * Called by {@link org.gvsl.model.backend.GraphRuntime#start()} and {@link #apply}; idempotent.
     */
    public static synchronized void register() {
        if (!registered) {
            NativeOpClasses.replace("conv3dnew", TorchLayoutConv3d.class);
            registered = true;
        }
    }
}
