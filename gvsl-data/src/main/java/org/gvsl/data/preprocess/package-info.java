/**
 * Preprocessing of whole volumes before training: reorientation to RAS ({@link
 * org.gvsl.data.preprocess.Reorientation}), resampling to a target spacing ({@link
 * org.gvsl.data.preprocess.Resampler}), intensity normalisation ({@link org.gvsl.data.preprocess.CtIntensity},
 * {@link org.gvsl.data.preprocess.MinMaxIntensity}), crops and padding ({@link
 * org.gvsl.data.preprocess.CropWindow}, {@link org.gvsl.data.preprocess.RandomCrop}), and {@link
 * org.gvsl.data.preprocess.Preprocessing}, which chains them for images and label maps alike.
 */
package org.gvsl.data.preprocess;
