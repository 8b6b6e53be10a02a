package org.gvsl.model.warp;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The gradient of {@link TrilinearWarpOp} as one host op ({@link TrilinearWarpKernel#backward}): inputs image,
 * field and ∂L/∂out; outputs ∂L/∂image (the image's shape) and ∂L/∂field (the field's). It holds nothing beyond its
 * inputs and outputs: no table of cell corners, no scatter buffers.
 */
public final class TrilinearWarpGradOp extends HostOp {

    /** For the op registry and FlatBuffers deserialisation. */
    public TrilinearWarpGradOp() {
    }

    TrilinearWarpGradOp(SameDiff sd, SDVariable image, SDVariable field, SDVariable gradOut) {
        super(sd, image, field, gradOut);
    }

    @Override
    public String opName() {
        return "gvsl_trilinear_warp_bp";
    }

    @Override
    protected int[] outputsLike() {
        return new int[] {0, 1};
    }

    @Override
    protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
        INDArray image = inputs.get(0);
        INDArray field = inputs.get(1);
        new TrilinearWarpKernel(image.shape(), field.shape()).backward(HostBuffer.of(image), HostBuffer.of(field),
                HostBuffer.of(expanded(inputs.get(2), image.shape())), HostBuffer.of(outputs.get(0)),
                HostBuffer.of(outputs.get(1)));
    }
}
