/**
 * Statistics of evaluation results, on commons-math3: a {@link MeanSummary} of a metric's values (mean, standard
 * deviation, a {@link PercentileBootstrap} confidence interval, counts of undefined and infinite values) and the
 * {@link WilcoxonSignedRank} paired test for comparing two methods over the same cases, and the {@link
 * StudentInterval} of a mean over a few runs (seeds).
 */
package org.gvsl.eval.stats;
