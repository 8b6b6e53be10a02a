/**
 * The GVSL pre-training job: the run folder, the training data (a data folder or the built-in synthetic CT
 * volumes), and the training loop with its checkpoints, resume, non-finite-loss stop, logs and closing summary
 * ({@link org.gvsl.train.pretrain.Pretrainer}).
 */
package org.gvsl.train.pretrain;
