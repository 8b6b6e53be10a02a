/**
 * The GVSL augmentations (method.md §6; reference-code-notes §6).
 *
 * <p>Appearance ({@link org.gvsl.data.augment.AppearanceTransform}, applied to the fixed image only): {@link
 * org.gvsl.data.augment.LocalShuffle}, the Bézier intensity curve ({@link org.gvsl.data.augment.BezierCurve},
 * {@link org.gvsl.data.augment.BezierIntensity}), {@link org.gvsl.data.augment.InPainting}, and the Models Genesis
 * variants as options ({@link org.gvsl.data.augment.OutPainting}, independent permutations, inverted curves,
 * {@link org.gvsl.data.augment.RandomFlip}). Spatial ({@link org.gvsl.data.augment.SpatialAugmentation}, the same
 * draw applied to several volumes): {@link org.gvsl.data.augment.RandomAffine} and {@link
 * org.gvsl.data.augment.ElasticField} (noise smoothed by {@link org.gvsl.data.augment.GaussianSmoothing}), drawn
 * into a {@link org.gvsl.data.augment.SpatialDraw}.
 *
 * <p>Rules for every transform here: it takes an injected {@link java.util.random.RandomGenerator}, its javadoc
 * lists the draws in the order they are made (so a test can rebuild the result from an identically seeded
 * generator), and it never modifies its input.
 */
package org.gvsl.data.augment;
