/**
 * Optimisers for SameDiff training that ND4J does not provide in the form the method needs, and the training step
 * that reports the loss terms of the batch it trained on.
 */
package org.gvsl.model.optim;
