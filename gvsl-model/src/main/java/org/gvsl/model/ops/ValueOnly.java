package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.custom.BitCast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The value of a tensor cut off from the backward pass: {@code of(x)} equals x bit for bit, no gradient flows
 * through it, and the ops that compute x are left out of the gradient function (unless x reaches the loss by
 * another way), so their inputs are not kept for a backward pass.
 *
 * <p>Why not ND4J's {@code stop_gradient}: its backward pass is {@code zerosLike(x)}, so SameDiff still
 * differentiates, with zeros, every op before it and keeps their inputs for that. SameDiff differentiates only
 * along floating-point paths; a round trip through an integer view of the same bits (ND4J's {@code bitcast},
 * float → int → float of the same width) takes the branch out. Shapes: any; float32 and float64.
 */
public final class ValueOnly {

    private ValueOnly() {
    }

    /** {@code x} without a gradient. */
    public static SDVariable of(SDVariable x) {
        DataType type = x.dataType();
        DataType bits = switch (type) {
            case FLOAT -> DataType.INT;
            case DOUBLE -> DataType.LONG;
            default -> throw new IllegalArgumentException("ValueOnly takes float32 or float64, got " + type);
        };
        return bitcast(bitcast(x, bits), type);
    }

    private static SDVariable bitcast(SDVariable x, DataType to) {
        SameDiff sd = x.getSameDiff();
        BitCast op = new BitCast(sd, x, sd.constant(Nd4j.scalar(DataType.INT, to.toInt())));
        op.addIArgument(to.toInt());
        return op.outputVariable();
    }
}
