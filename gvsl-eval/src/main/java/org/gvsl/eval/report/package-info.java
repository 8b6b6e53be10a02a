/**
 * The evaluation of segmentations as a library, what {@code gvsl evaluate} and a training run's test set both call:
 * {@link LabelMap}s read and checked, paired by case name ({@link LabelMapPair}), scored per class
 * ({@link ClassScores}) by a {@link SegmentationEvaluator}, and summarised in an {@link EvaluationReport} written as
 * {@code metrics.csv} ({@link MetricsCsv}) and {@code summary.json} ({@link SummaryJson}) and printed as a
 * {@link SummaryTable}. Bad input is an {@link EvaluationInputException} whose one-line message names the file.
 */
package org.gvsl.eval.report;
