/** Optimisers for SameDiff training that ND4J does not provide in the form the method needs. */
package org.gvsl.model.optim;
