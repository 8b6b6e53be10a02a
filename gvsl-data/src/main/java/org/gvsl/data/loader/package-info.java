/**
 * Training pairs for GVSL pre-training (method.md §5) and a prefetching loader that prepares them on background
 * threads.
 *
 * <p>Usage from a training loop:
 * <pre>{@code
 * GvslPairSampler sampler = GvslPairSampler.builder()
 *         .setSources(VolumeSource.images(Dataset.fromFolder(dir), preprocessing))
 *         .setCropShape(VolumeShape.cube(64))
 *         .build();
 * try (PrefetchingLoader loader = PrefetchingLoader.builder()
 *         .setSampler(sampler).setBatchSize(2).setSeed(seed).optWorkers(2).optFirstStep(resumeStep).build()) {
 *     while (loader.hasNext()) {
 *         try (PairBatch batch = loader.next()) {   // fixed, moving, target: [N, 1, D, H, W] float32
 *             step(batch.fixed(), batch.moving(), batch.target());
 *         }
 *     }
 * }
 * }</pre>
 * The batch of step {@code s} depends only on (seed, s) and the sampler's configuration: not on the number of
 * workers, thread timing or where the run was resumed.
 */
package org.gvsl.data.loader;
