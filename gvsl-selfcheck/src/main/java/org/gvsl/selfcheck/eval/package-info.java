/** The reference-case check of {@code gvsl-eval}: Dice per class and ROC-AUC. */
package org.gvsl.selfcheck.eval;
