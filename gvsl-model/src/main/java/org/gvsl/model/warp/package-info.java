/**
 * Warping volumes by dense displacement fields (voxels, channels (D, H, W), backward maps): trilinear grid sampling
 * in graphs (the spatial transformer of registration, differentiable) and nearest-neighbour warping of label maps.
 */
package org.gvsl.model.warp;
