/**
 * Downstream transfer (spec §7): a pre-trained (or random) U-Net backbone with a segmentation head (softmax, soft
 * Dice, optional cross-entropy) or a classification head (pooled global features, sigmoid, binary cross-entropy),
 * trained by linear evaluation (backbone frozen) or fine-tuning.
 *
 * <pre>{@code
 * TransferConfig config = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(8)
 *         .optWidths(UNetWidths.NARROW).optMode(TransferMode.LINEAR).build();
 * TransferGraph graph = TransferGraphFactory.build(config, SpatialSize.cube(64),
 *         ModelWeights.readNpz(runDir.resolve("weights.npz")));      // or build(config, size) for scratch
 * Map<String, Double> losses = graph.fit(graph.inputs(images, oneHotLabels));
 * }</pre>
 */
package org.gvsl.model.transfer;
