package org.gvsl.model.losses;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.gvsl.model.ops.HostOpExecutioner;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

/**
 * The per-voxel map of local normalised cross-correlation as one host op ({@link LocalNccKernel}): inputs I and J
 * {@code [N, 1, D, H, W]}, integer argument the window side w; output cc (I's shape), whose mean {@link LocalNcc}
 * takes. Its gradient is {@link LocalNccGradOp}.
 */
public final class LocalNccOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public LocalNccOp() {
    }

    LocalNccOp(SameDiff sd, SDVariable i, SDVariable j, int window) {
        super(sd, i, j);
        addIArgument(window);
    }

    /** Registers this op and its gradient with the executioner; called by the runtime's start. Idempotent. */
    public static void register() {
        HostOpExecutioner.register(new LocalNccOp());
        HostOpExecutioner.register(new LocalNccGradOp());
    }

    @Override
    public String opName() {
        return "gvsl_local_ncc";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        new LocalNccKernel(inputs.get(0).shape(), iArguments.get(0).intValue()).forward(
                HostBuffer.of(inputs.get(0)), HostBuffer.of(inputs.get(1)), HostBuffer.of(outputs.get(0)));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return Arrays.asList(new LocalNccGradOp(sameDiff, arg(0), arg(1), gradients.get(0),
                iArguments.get(0).intValue()).outputVariables());
    }
}
