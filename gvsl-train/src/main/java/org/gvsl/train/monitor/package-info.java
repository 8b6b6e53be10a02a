/**
 * Watching a pre-training run: the per-step loss log ({@code losses.csv}) and its in-memory history, the
 * loss-curve PNG, the preview PNG of one pair, the terminal progress bar, DL4J training-UI statistics and DL4J's
 * UI serving them, and the closing summary of how each loss term moved.
 */
package org.gvsl.train.monitor;
