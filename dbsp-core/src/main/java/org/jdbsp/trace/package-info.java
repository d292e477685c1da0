/**
 * Traces: the integral of a stream of batches, kept as a spine of sorted batches merged by size tiers
 * (an LSM tree), with cursors that seek keys across every batch and consolidate as they read. Merges proceed
 * in slices: each insert spends fuel in proportion to its own size on the merges in progress, so no step pays
 * for a merge of the whole state, while cursors read a merging pair as the two batches it still is. With storage,
 * merges into batch files may instead run on merge threads ({@link org.jdbsp.trace.TraceStorage#mergeThreads}), the
 * step installing their results when done.
 *
 * <p>Stateful operators keep their inputs' integrals here. A trace can drop keys below a bound while
 * merging, which is how watermarks bound the state of windows and joins.
 *
 * <p>A keyed operator reads its step's change against its input's integral with one
 * {@link org.jdbsp.trace.DeltaTraceCursor}: per key of the change, every value with its weight before and after the
 * step, in value order, instead of merging the change with a {@link org.jdbsp.trace.TraceCursor} by hand.
 */
package org.jdbsp.trace;
