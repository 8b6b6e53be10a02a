/**
 * SameDiff operations that ND4J 1.0.0-M2.1 lacks or cannot differentiate, built on its native ops; and host ops
 * ({@link org.gvsl.model.ops.HostOp}), computed by Java loops over the arrays' host memory on the CPU backend, with
 * the executioner that runs them ({@link org.gvsl.model.ops.HostOpExecutioner}).
 */
package org.gvsl.model.ops;
