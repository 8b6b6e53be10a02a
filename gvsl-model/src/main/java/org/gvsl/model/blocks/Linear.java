package org.gvsl.model.blocks;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Fully connected layer {@code y = x·Wᵀ + b}: {@code x [N, in] → y [N, out]}. Parameters {@code NAME.weight
 * [out, in]} and {@code NAME.bias [out]}, both {@code U(±1/√in)} (PyTorch's default, as the reference heads).
 */
public final class Linear {

    private final SDVariable weight;
    private final SDVariable bias;

    public Linear(ParameterFactory params, String name, int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(name + ": sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.weight = params.weight(name + ".weight", ParameterFactory.Init.UNIFORM_FAN_IN, in, out, in);
        this.bias = params.bias(name + ".bias", in, out);
    }

    public SDVariable forward(SDVariable x) {
        return x.getSameDiff().mmul(x, weight, false, true, false).add(bias);
    }
}
