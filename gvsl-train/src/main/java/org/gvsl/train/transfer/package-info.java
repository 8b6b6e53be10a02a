/**
 * Downstream transfer runs (method.md §7): fine-tuning or linear evaluation of a pre-trained (or random) backbone
 * for segmentation or classification, as a library ({@link org.gvsl.train.transfer.TransferTrainer}) that the
 * {@code gvsl finetune} and {@code gvsl linear} commands wrap and that an experiment can call many times in one
 * process: the labelled data and its split ({@link org.gvsl.train.transfer.TransferData}), the run folder ({@link
 * org.gvsl.train.transfer.TransferRunFolder}), the validation scores ({@link
 * org.gvsl.train.transfer.Validation}) and the result ({@link org.gvsl.train.transfer.TransferResult}).
 */
package org.gvsl.train.transfer;
