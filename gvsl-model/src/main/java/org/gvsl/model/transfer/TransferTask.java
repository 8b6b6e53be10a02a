package org.gvsl.model.transfer;

/** What a downstream model predicts (spec §7). */
public enum TransferTask {
    /**
     * Voxel classes: the whole U-Net, a {@code Conv3d(c8, K, k3)} head on the local features, softmax over K ≥ 2
     * classes (background included), soft Dice (optionally plus cross-entropy).
     */
    SEGMENTATION,
    /**
     * Volume labels: the U-Net's encoder only, global average pooling of its global features, {@code Linear(c4, K)},
     * a sigmoid per output (K ≥ 1), binary cross-entropy.
     */
    CLASSIFICATION
}
