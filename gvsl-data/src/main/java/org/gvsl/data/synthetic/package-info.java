/**
 * Built-in data that needs no download: {@link org.gvsl.data.synthetic.SyntheticAnatomy} generates a family of
 * CT-like volumes that share one topology (a body holding organ-like structures and tubes) and differ by a random
 * affine and elastic deformation, intensity drift, noise and optional lesions, with label maps and a per-volume
 * class; {@link org.gvsl.data.synthetic.SyntheticCohortWriter} writes them as a NIfTI dataset folder.
 */
package org.gvsl.data.synthetic;
