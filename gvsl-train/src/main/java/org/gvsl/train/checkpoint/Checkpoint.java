package org.gvsl.train.checkpoint;

import java.nio.file.Path;

/**
 * One complete checkpoint folder {@code checkpoints/step-NNNNNN/}.
 *
 * @param dir   the folder
 * @param state its {@code state.json}
 */
public record Checkpoint(Path dir, TrainingState state) {

    /** The SameDiff file with parameters, Adam state and iteration count. */
    public static final String MODEL_FILE = "model.fb";
    /** The run state as JSON. */
    public static final String STATE_FILE = "state.json";

    /** {@code dir/model.fb}. */
    public Path modelFile() {
        return dir.resolve(MODEL_FILE);
    }

    /** The completed steps it holds. */
    public int step() {
        return state.step();
    }
}
