/**
 * Seeded random streams: {@link org.gvsl.core.random.IndexedRandom} derives an independent, reproducible
 * generator for item {@code i} of a run from the run's seed, so that a training step, a synthetic case or a
 * cohort member is the same whichever thread prepares it and in whatever order.
 */
package org.gvsl.core.random;
