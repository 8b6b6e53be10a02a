/**
 * Training samples and a prefetching loader that prepares them on background threads: GVSL pre-training pairs
 * (method.md §5, {@link org.gvsl.data.loader.GvslPairSampler}), supervised segmentation crops ({@link
 * org.gvsl.data.loader.LabelledCropSampler}) and classification crops ({@link
 * org.gvsl.data.loader.ClassificationSampler}), each a {@link org.gvsl.data.loader.BatchSampler} that {@link
 * org.gvsl.data.loader.PrefetchingLoader} draws from.
 *
 * <p>Usage from a training loop:
 * <pre>{@code
 * GvslPairSampler sampler = GvslPairSampler.builder()
 *         .setSources(VolumeSource.images(Dataset.fromFolder(dir), preprocessing))
 *         .setCropShape(VolumeShape.cube(64))
 *         .build();
 * try (PrefetchingLoader<PairBatch> loader = PrefetchingLoader.builder(sampler)
 *         .setBatchSize(2).setSeed(seed).optWorkers(2).optFirstStep(resumeStep).build()) {
 *     while (loader.hasNext()) {
 *         try (PairBatch batch = loader.next()) {   // fixed, moving, target: [N, 1, D, H, W] float32
 *             step(batch.fixed(), batch.moving(), batch.target());
 *         }
 *     }
 * }
 * }</pre>
 * and for segmentation, {@code LabelledCropSampler.builder().setSources(LabelledSource.of(split.train(),
 * preprocessing, classes)).setCropShape(...).setClasses(classes).build()} with {@code LabelledBatch} (image
 * {@code [N, 1, D, H, W]}, labels {@code [N, D, H, W]} int32, {@code oneHot()} {@code [N, K, D, H, W]}).
 * The batch of step {@code s} depends only on (seed, s) and the sampler's configuration: not on the number of
 * workers, thread timing or where the run was resumed.
 */
package org.gvsl.data.loader;
