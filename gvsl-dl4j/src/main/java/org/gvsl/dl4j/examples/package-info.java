/**
 * Runnable examples of the pre-trained GVSL backbone in DL4J applications, each a {@code main} that calls a
 * {@code run} method its test calls on a tiny synthetic case.
 */
package org.gvsl.dl4j.examples;
