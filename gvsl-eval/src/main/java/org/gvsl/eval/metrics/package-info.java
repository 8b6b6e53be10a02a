/**
 * Downstream metrics as pure static functions with thin accumulators (spec §7): Dice per foreground class on label
 * volumes and ROC-AUC by the Mann–Whitney statistic. Degenerate inputs are handled the same way everywhere: an
 * undefined Dice is NaN and left out of means; an undefined AUC is an {@link IllegalArgumentException}.
 */
package org.gvsl.eval.metrics;
