/**
 * Checkpoints of a pre-training run and resuming from them: a checkpoint folder holds the SameDiff graph with its
 * Adam state and iteration count ({@code model.fb}) and the run's state ({@code state.json}: step, seed, the
 * position of the batch stream, losses, configuration); it is written into a temporary folder and renamed into
 * place, so a run killed at any moment leaves only complete checkpoints.
 */
package org.gvsl.train.checkpoint;
