/**
 * SameDiff operations that ND4J 1.0.0-M2.1 lacks or cannot differentiate, built on its native ops.
 */
package org.gvsl.model.ops;
