/**
 * Models as files and as graphs: the versioned pre-trained model file {@code model.gvsl} (one zip holding the
 * SameDiff graph, the model configuration, the run's configuration and the provenance), the downstream (fine-tuned)
 * model file {@link org.gvsl.model.file.TransferModelFile} of {@code gvsl finetune}/{@code linear}, both read by
 * the one set of zip, CRC, manifest and version rules of {@code ModelArchive}; the reading of PyTorch state dicts
 * converted to {@code .npz}; and {@link org.gvsl.model.file.PretrainedModel}, which opens any pre-trained source
 * (or a pre-training run folder) and builds the backbone, the registration sub-graph and the whole graph for a
 * requested size.
 */
package org.gvsl.model.file;
