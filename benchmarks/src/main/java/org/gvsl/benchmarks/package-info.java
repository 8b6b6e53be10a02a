/**
 * Benchmarks of the GVSL kernels (warp, NCC, GroupNorm), a whole training step and the data loader (JMH), and
 * benchmark commands that report step time and resident memory over many steps ({@code TrainingStepMemory}) and
 * where one step's memory and time go, by graph part and op type ({@code StepProfile}). Run them with
 * {@code benchmarks/run CLASS [options]} on an otherwise idle machine.
 */
package org.gvsl.benchmarks;
