package org.gvsl.train.checkpoint;

import org.gvsl.train.config.PretrainConfig;

import java.util.Map;

/**
 * What a run needs besides the graph to continue exactly where a checkpoint was taken ({@code state.json}).
 *
 * <p>The random state is the pair {@code (seed, step)}: the batch of step {@code s} is drawn from {@code
 * IndexedRandom.forIndex(seed, s)} and nothing else in training draws random numbers (the parameter
 * initialisation is seeded and already in the weights), so the batch stream resumes at {@code step}.
 *
 * @param step           completed steps (the graph's Adam iteration count); the next batch is of step {@code step}
 * @param seed           the run's seed
 * @param elapsedSeconds training wall time up to this step, summed over resumed sessions
 * @param losses         the loss terms of the last completed step
 * @param written        when the checkpoint was written (ISO-8601)
 * @param config         the run's configuration
 */
public record TrainingState(int step, long seed, double elapsedSeconds, Map<String, Double> losses, String written,
                            PretrainConfig config) {

    public TrainingState {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        if (config == null || config.seed() != seed) {
            throw new IllegalArgumentException("state of seed " + seed + " needs the run's configuration with that seed,"
                    + " got " + (config == null ? "none" : "seed " + config.seed()));
        }
        losses = losses == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
    }
}
