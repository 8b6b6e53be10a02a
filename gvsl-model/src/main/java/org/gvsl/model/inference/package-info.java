/**
 * Inference on whole volumes: {@link org.gvsl.model.inference.SlidingWindowInference} applies a model that takes
 * fixed-size windows ({@link org.gvsl.model.inference.WindowPredictor}) to a volume of any size, averaging the
 * overlapping windows with constant or Gaussian weights ({@link org.gvsl.model.inference.WindowWeighting}), and
 * {@link org.gvsl.model.inference.Argmax} turns the averaged probabilities into a label map.
 *
 * <pre>{@code
 * SlidingWindowInference sw = SlidingWindowInference.builder().setWindow(SpatialSize.cube(128))
 *         .optOverlap(0.5).optWeighting(WindowWeighting.GAUSSIAN).optBatchSize(2).build();
 * int[] labels = sw.run(volume, graph.windowPredictor()).labels();   // volume [1, D, H, W]
 * }</pre>
 */
package org.gvsl.model.inference;
