/**
 * Benchmarks of the GVSL kernels (warp, NCC, GroupNorm), a whole training step and the data loader (JMH), and
 * benchmark commands that report step time and resident memory over many steps (pre-training, downstream
 * training) or over a whole sliding-window prediction. Run them with
 * {@code benchmarks/run CLASS [options]} on an otherwise idle machine.
 */
package org.gvsl.benchmarks;
