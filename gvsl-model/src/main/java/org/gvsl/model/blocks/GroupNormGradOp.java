package org.gvsl.model.blocks;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The gradient of {@link GroupNormOp} as one host op ({@link GroupNormKernel#backward}): inputs x, γ, β and ∂L/∂a;
 * integer argument G, floating arguments ε and α; outputs ∂L/∂x, ∂L/∂γ and ∂L/∂β. Of the forward pass it keeps
 * only x.
 */
public final class GroupNormGradOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public GroupNormGradOp() {
    }

    GroupNormGradOp(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable beta, SDVariable gradA, int groups,
                    double epsilon, double slope) {
        super(sd, x, gamma, beta, gradA);
        addIArgument(groups);
        addTArgument(epsilon, slope);
    }

    @Override
    public String opName() {
        return "gvsl_group_norm_bp";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0, 1, 1};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        new GroupNormKernel(inputs.get(0).shape(), iArguments.get(0).intValue()).backward(
                HostBuffer.of(inputs.get(0)), HostBuffer.of(inputs.get(1)), HostBuffer.of(inputs.get(2)),
                HostBuffer.of(expanded(inputs.get(3), inputs.get(0).shape())), tArguments.get(0), tArguments.get(1),
                HostBuffer.of(outputs.get(0)), HostBuffer.of(outputs.get(1)), HostBuffer.of(outputs.get(2)));
    }
}
