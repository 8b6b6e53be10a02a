/**
 * Downstream metrics as pure static functions with thin accumulators (spec §7), one class per metric, each with
 * its formula and its degenerate cases in its javadoc.
 *
 * <p>Per foreground class of a segmentation, from the voxel counts ({@link ConfusionCounts}): {@link Dice},
 * {@link Sensitivity}, {@link Specificity}, {@link Precision}, {@link VolumeDifference}; from the surfaces, in mm
 * ({@link org.gvsl.eval.surface}): {@link Hd95} and {@link AverageSurfaceDistance}. Classification:
 * {@link RocAuc} by the Mann–Whitney statistic.
 *
 * <p>Degenerate inputs are handled the same way everywhere: a class absent from both prediction and truth makes
 * every metric of it undefined (NaN), left out of means; absent from exactly one: Dice 0, HD95 and ASD
 * {@code +∞}, sensitivity undefined when the truth is empty, precision when the prediction is empty. An undefined
 * AUC is an {@link IllegalArgumentException}.
 */
package org.gvsl.eval.metrics;
