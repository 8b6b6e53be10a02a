/**
 * The reference-case checks, kept apart from the libraries they exercise so that a library brings no reference
 * data to its users. Each check is a {@link org.gvsl.reference.CaseCheck} registered as a service
 * ({@code META-INF/services/org.gvsl.reference.CaseCheck}); {@link org.gvsl.reference.SelfCheck} finds them on
 * the class path. Every check takes the parameters of its case (group counts, windows, widths, shapes, batch
 * sizes, control points, classes) from the case's manifest entry and its arrays, never from the bundled seed.
 * Sub-packages follow the library a check exercises: {@code model}, {@code data}, {@code eval}.
 */
package org.gvsl.selfcheck;
