package org.gvsl.model.inference;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model applied to a batch of windows, for {@link SlidingWindowInference}: {@code windows [B, C, wD, wH, wW]} →
 * per-class probabilities (or any per-voxel scores to be averaged) {@code [B, K, wD, wH, wW]}, the same spatial
 * size. B varies: the last batch of a volume may hold fewer windows than the others. The returned array belongs to
 * the caller, who may change and close it (so return a new array, or the input itself); the predictor must not keep
 * the input.
 */
@FunctionalInterface
public interface WindowPredictor {

    /** The scores of each window. */
    INDArray predict(INDArray windows);
}
