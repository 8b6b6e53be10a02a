/**
 * The reference-case checks of {@code gvsl-model}: each runs a case family of {@code shared/reference} through
 * the production graph code, in float32 against the stored float32 outputs and, where the case stores them, in
 * float64 against the {@code _f64} outputs.
 */
package org.gvsl.selfcheck.model;
