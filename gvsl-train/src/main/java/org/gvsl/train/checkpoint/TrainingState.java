package org.gvsl.train.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.train.config.ConfigJson;

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
 * @param config         the run's configuration as JSON (any command's record, {@link ConfigJson#toTree})
 */
public record TrainingState(int step, long seed, double elapsedSeconds, Map<String, Double> losses, String written,
                            JsonNode config) {

    public TrainingState {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        if (config == null || !config.isObject()) {
            throw new IllegalArgumentException("a training state needs the run's configuration as a JSON object, got "
                    + config);
        }
        config = normalised(config);
        losses = losses == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
    }

    /** The state of a run whose configuration is the record {@code config} (any command's). */
    public static TrainingState of(int step, long seed, double elapsedSeconds, Map<String, Double> losses,
                                   String written, Record config) {
        return new TrainingState(step, seed, elapsedSeconds, losses, written, ConfigJson.toTree(config));
    }

    /** The tree as read back from its text, so that a state equals itself after a round trip (e.g. long 1 → int 1). */
    private static JsonNode normalised(JsonNode config) {
        try {
            return ConfigJson.mapper().readTree(config.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read back the configuration " + config, e);
        }
    }
}
