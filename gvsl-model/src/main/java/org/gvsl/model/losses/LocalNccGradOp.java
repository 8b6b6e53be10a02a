package org.gvsl.model.losses;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The gradient of {@link LocalNccOp} as one host op ({@link LocalNccKernel#backward}): inputs I, J and ∂L/∂cc;
 * integer argument w; outputs ∂L/∂I and ∂L/∂J. It recomputes the window sums, so it keeps only I and J.
 */
public final class LocalNccGradOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public LocalNccGradOp() {
    }

    LocalNccGradOp(SameDiff sd, SDVariable i, SDVariable j, SDVariable gradCc, int window) {
        super(sd, i, j, gradCc);
        addIArgument(window);
    }

    @Override
    public String opName() {
        return "gvsl_local_ncc_bp";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0, 1};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        new LocalNccKernel(inputs.get(0).shape(), iArguments.get(0).intValue()).backward(
                HostBuffer.of(inputs.get(0)), HostBuffer.of(inputs.get(1)),
                HostBuffer.of(expanded(inputs.get(2), inputs.get(0).shape())),
                HostBuffer.of(outputs.get(0)), HostBuffer.of(outputs.get(1)));
    }
}
