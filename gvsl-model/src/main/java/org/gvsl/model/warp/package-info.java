/** Trilinear grid sampling of volumes by displacement fields (the spatial transformer of registration). */
package org.gvsl.model.warp;
