package org.gvsl.model.blocks;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.gvsl.model.ops.HostOpExecutioner;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

/**
 * Group normalisation, optionally followed by a leaky rectifier, as one host op ({@link GroupNormKernel}): inputs
 * x {@code [N, C, …]}, γ and β {@code [C]}; integer argument G, floating arguments ε and the rectifier's slope α
 * (1: none); output a (x's shape). Its gradient is {@link GroupNormGradOp}.
 */
public final class GroupNormOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public GroupNormOp() {
    }

    GroupNormOp(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable beta, int groups, double epsilon,
                double slope) {
        super(sd, x, gamma, beta);
        addIArgument(groups);
        addTArgument(epsilon, slope);
    }

    /** Registers this op and its gradient with the executioner; called by the runtime's start. Idempotent. */
    public static void register() {
        HostOpExecutioner.register(new GroupNormOp());
        HostOpExecutioner.register(new GroupNormGradOp());
    }

    @Override
    public String opName() {
        return "gvsl_group_norm";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        new GroupNormKernel(inputs.get(0).shape(), iArguments.get(0).intValue()).forward(HostBuffer.of(inputs.get(0)),
                HostBuffer.of(inputs.get(1)), HostBuffer.of(inputs.get(2)), tArguments.get(0), tArguments.get(1),
                HostBuffer.of(outputs.get(0)));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return Arrays.asList(new GroupNormGradOp(sameDiff, arg(0), arg(1), arg(2), gradients.get(0),
                iArguments.get(0).intValue(), tArguments.get(0), tArguments.get(1)).outputVariables());
    }
}
