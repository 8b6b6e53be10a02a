/**
 * The pre-trained model as a file and as graphs: the versioned model file {@code model.gvsl} (one zip holding the
 * SameDiff graph, the model configuration, the run's configuration and the provenance), the reading of PyTorch
 * state dicts converted to {@code .npz}, and {@link org.gvsl.model.file.PretrainedModel}, which opens any of these
 * (or a pre-training run folder) and builds the backbone, the registration sub-graph and the whole graph for a
 * requested size.
 */
package org.gvsl.model.file;
