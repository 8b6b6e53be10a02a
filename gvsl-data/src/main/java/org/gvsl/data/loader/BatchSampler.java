package org.gvsl.data.loader;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What {@link PrefetchingLoader} draws training batches from: one sample at a time from a seeded generator (on a
 * worker thread, on the heap), and the samples of a step stacked into a batch of ND4J arrays (on the consumer's
 * thread, where the arrays are used).
 *
 * <p>Implementations must be thread-safe for {@link #sample} (the workers share one sampler) and draw every random
 * value from the given generator, so that a step's batch depends only on the loader's seed and the step.
 *
 * @param <T> one sample, e.g. a {@link TrainingPair}
 * @param <B> a batch of samples, e.g. a {@link PairBatch}
 */
public interface BatchSampler<T, B> {

    /** Draws one sample, every random value from {@code rng}, in the order the implementation documents. */
    T sample(RandomGenerator rng);

    /** Stacks the samples of one step (at least one, all of one shape) into a batch. */
    B batch(long step, List<T> samples);
}
