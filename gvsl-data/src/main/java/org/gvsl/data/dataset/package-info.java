/**
 * Datasets on disk: a folder or a list file of NIfTI images with optional label maps and an optional CSV of
 * per-image class labels ({@link org.gvsl.data.dataset.Dataset}, {@link org.gvsl.data.dataset.ClassLabels}), and
 * the report behind {@code gvsl data summary} ({@link org.gvsl.data.dataset.DatasetSummary}).
 */
package org.gvsl.data.dataset;
