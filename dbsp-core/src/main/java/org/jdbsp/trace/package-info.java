/**
 * Traces: the integral of a stream of batches, kept as a spine of sorted batches merged by size tiers
 * (an LSM tree), with cursors that seek keys across every batch and consolidate as they read.
 *
 * <p>Stateful operators keep their inputs' integrals here. A trace can drop keys below a bound while
 * merging, which is how watermarks bound the state of windows and joins.
 */
package org.jdbsp.trace;
