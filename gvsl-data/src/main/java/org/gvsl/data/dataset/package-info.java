/**
 * Datasets on disk: a folder or a list file of NIfTI images with optional label maps and an optional CSV of
 * per-image class labels ({@link org.gvsl.data.dataset.Dataset}, {@link org.gvsl.data.dataset.ClassLabels}), and
 * the report behind {@code gvsl data summary} ({@link org.gvsl.data.dataset.DatasetSummary}), and the division
 * of a dataset into training, validation and test parts ({@link org.gvsl.data.dataset.DatasetSplit}).
 */
package org.gvsl.data.dataset;
