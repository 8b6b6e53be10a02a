/**
 * The pre-trained GVSL backbone inside DL4J applications: {@link org.gvsl.dl4j.BackboneLayer}, the 3-D U-Net as a
 * DL4J {@code SameDiffLayer} built from the same block classes as our SameDiff model; {@link
 * org.gvsl.dl4j.PretrainedBackbone}, the weights read from a model file and copied into (or out of) a network;
 * {@link org.gvsl.dl4j.BackboneParamNames}, the mapping between reference and DL4J parameter names.
 */
package org.gvsl.dl4j;
