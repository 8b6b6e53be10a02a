/** The backbone: a 3-D U-Net with GroupNorm whose global (bottleneck) and local (last decoder) features GVSL learns. */
package org.gvsl.model.network;
