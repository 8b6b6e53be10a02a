/**
 * The pre-training losses (spec §4): local normalised cross-correlation, smoothness of the deformable field, and
 * the restoration mean squared error. Each adds a scalar to a SameDiff graph.
 */
package org.gvsl.model.losses;
