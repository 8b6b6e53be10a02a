/** The reference-case check of {@code gvsl-data}: the Bézier intensity curve of the augmentations. */
package org.gvsl.selfcheck.data;
