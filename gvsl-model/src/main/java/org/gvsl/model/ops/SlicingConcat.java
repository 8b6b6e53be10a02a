package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.SplitV;

import java.util.Arrays;
import java.util.List;

/**
 * ND4J's native {@code concat} with a gradient that needs none of its inputs: {@code ∂L/∂x_k} is the part of
 * {@code ∂L/∂out} at {@code x_k}'s place along the concatenation axis, cut by one {@code split_v} with the inputs'
 * sizes along that axis (read by {@code size_at} ops that run with the forward pass).
 *
 * <p>Why: ND4J's own gradient ({@code concat_bp}) takes every input as an argument, so SameDiff keeps all of them
 * alive until the backward pass reaches the concatenation, although it reads only their shapes. In a full-width
 * 64³ GVSL step that kept the warp's eight shifted copies of the features (589 MB) and each decoder level's
 * upsampled input (268 MB at the top level) alive for that alone.
 *
 * <p>{@link #register()} maps the native op's hash to this class, so every {@code concat} of a graph that is cloned
 * (as its gradient function is built) or loaded gets this gradient; graphs are still built with
 * {@code sd.concat}. A concatenation along an axis given as an input (TensorFlow imports) keeps ND4J's gradient.
 * Shapes: inputs equal except along the axis; output the inputs side by side.
 */
public final class SlicingConcat extends Concat {

    private static volatile boolean registered;

    /** For the op registry and FlatBuffers deserialisation. */
    public SlicingConcat() {
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        boolean axisIsAnInput = numBArguments() > 0 && getBArgument(0);
        if (axisIsAnInput || numIArguments() == 0) {
            return super.doDiff(gradients);
        }
        int axis = Math.toIntExact(getIArgument(0));
        SDVariable[] inputs = args();
        SDVariable[] sizes = Arrays.stream(inputs).map(x -> sameDiff.sizeAt(x, axis)).toArray(SDVariable[]::new);
        SplitV split = new SplitV(sameDiff, gradients.get(0), sameDiff.stack(0, sizes), inputs.length, axis);
        return Arrays.asList(split.outputVariables());
    }

    /**
     * Maps the native {@code concat} op hash to this class, so cloned and loaded graphs get this gradient. Called by
     * {@link org.gvsl.model.backend.GraphRuntime#start()}; idempotent.
     */
    public static synchronized void register() {
        if (!registered) {
            NativeOpClasses.replace("concat", SlicingConcat.class);
            registered = true;
        }
    }
}
