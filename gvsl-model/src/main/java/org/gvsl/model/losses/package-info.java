/**
 * The pre-training losses (spec §4): local normalised cross-correlation, smoothness of the deformable field, and
 * the restoration mean squared error; and the downstream losses (spec §7): soft Dice and cross-entropy for
 * segmentation, binary cross-entropy for classification. Each adds a scalar to a SameDiff graph.
 */
package org.gvsl.model.losses;
