/**
 * The heads on the U-Net features (spec §2, §4): the Z-Matching affine head (global features → 15 values → an
 * affine matrix → a dense displacement), the deformable head (local features → a displacement field), their
 * fusion into one field, and the self-restoration head; and the downstream heads (spec §7): segmentation
 * (local features → convolution → softmax) and classification (global features → pooling → linear → sigmoid).
 */
package org.gvsl.model.heads;
