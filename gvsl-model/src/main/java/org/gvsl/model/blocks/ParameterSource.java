package org.gvsl.model.blocks;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.function.Supplier;

/**
 * Where the blocks' trainable tensors come from: given a tensor's reference name, its shape and its initial
 * values, the graph variable that holds it. {@link ParameterFactory} asks its source for every tensor it creates.
 *
 * <p>Why an interface: in our own graphs each tensor is a new SameDiff variable holding its seeded initial values
 * ({@link ParameterFactory#newVariables}). A host that owns the parameters itself, such as a DL4J
 * {@code SameDiffLayer} whose parameters live in DL4J's parameter table, answers with its own variables instead, so
 * the same block classes build the same network there; such a source decides whether it needs the initial values.
 */
@FunctionalInterface
public interface ParameterSource {

    /**
     * The variable for one tensor.
     *
     * @param name    the reference name, e.g. {@code unet.inc.double_conv.0.weight}
     * @param shape   the tensor's shape in the reference layout (conv weights {@code [Cout, Cin, k, k, k]})
     * @param initial the initial values, row-major, computed when called (a source that does not need them
     *                should not call it)
     */
    SDVariable variable(String name, long[] shape, Supplier<double[]> initial);
}
