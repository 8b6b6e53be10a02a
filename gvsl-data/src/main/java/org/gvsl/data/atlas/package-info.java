/**
 * A labelled cohort from one real image and its atlas: {@link org.gvsl.data.atlas.AtlasCohort} warps the pair
 * (e.g. Debian's {@code mricron-data}: {@code ch2bet.nii.gz} with {@code aal.nii.gz}) by random diffeomorphisms and
 * changes the image's intensities, with labels optionally merged into coarser groups by a {@link
 * org.gvsl.data.atlas.LabelGrouping}; {@link org.gvsl.data.atlas.MricronTemplates} says where the package puts
 * them. Nothing of those files is part of this project; see README-data.md.
 */
package org.gvsl.data.atlas;
