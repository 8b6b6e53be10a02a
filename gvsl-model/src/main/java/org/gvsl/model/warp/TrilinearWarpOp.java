package org.gvsl.model.warp;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.gvsl.model.ops.HostOpExecutioner;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

/**
 * The trilinear warp as one host op ({@link TrilinearWarpKernel}): inputs image {@code [N, C, D, H, W]} and field
 * {@code [N, 3, D, H, W]}, output {@code [N, C, D, H, W]} of the image's type; its gradient is
 * {@link TrilinearWarpGradOp}.
 */
public final class TrilinearWarpOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public TrilinearWarpOp() {
    }

    TrilinearWarpOp(SameDiff sd, SDVariable image, SDVariable field) {
        super(sd, image, field);
    }

    /** Registers this op and its gradient with the executioner; called by the runtime's start. Idempotent. */
    public static void register() {
        HostOpExecutioner.register(new TrilinearWarpOp());
        HostOpExecutioner.register(new TrilinearWarpGradOp());
    }

    @Override
    public String opName() {
        return "gvsl_trilinear_warp";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        INDArray image = inputs.get(0);
        INDArray field = inputs.get(1);
        new TrilinearWarpKernel(image.shape(), field.shape())
                .forward(HostBuffer.of(image), HostBuffer.of(field), HostBuffer.of(outputs.get(0)));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return Arrays.asList(new TrilinearWarpGradOp(sameDiff, arg(0), arg(1), gradients.get(0)).outputVariables());
    }
}
