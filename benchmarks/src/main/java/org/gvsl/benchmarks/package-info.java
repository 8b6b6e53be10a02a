/**
 * Benchmarks of the GVSL kernels (warp, NCC, smoothness, GroupNorm, the U-Net), a whole training step and the data
 * loader (JMH, one class per subject, run together by {@link org.gvsl.benchmarks.BenchmarkSuite} and rendered as a
 * Markdown table by {@link org.gvsl.benchmarks.JmhTable}), benchmark commands that report step time and resident
 * memory over many steps (pre-training, downstream training) or over a whole sliding-window prediction, and where
 * one step's memory and time go, by graph part and op type ({@code StepProfile}). Run them with
 * {@code benchmarks/run CLASS [options]} on an otherwise idle machine; {@code benchmarks/compare-authors} and
 * {@code benchmarks/gpu-check} build on them.
 */
package org.gvsl.benchmarks;
