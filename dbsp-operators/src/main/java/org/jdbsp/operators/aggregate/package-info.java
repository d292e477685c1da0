/**
 * Incremental aggregates of indexed streams by key: count, sum, average, min, max, count distinct,
 * user-defined {@link org.jdbsp.operators.aggregate.Aggregator}s, and aggregates kept as mutable per-group
 * state ({@link org.jdbsp.operators.aggregate.IncrementalAggregator}).
 *
 * <p>The output is an indexed stream with one tuple {@code (key, result)} of weight 1 per group that
 * currently has a row (SQL {@code GROUP BY}); when a step changes a group's result, the output
 * retracts the old tuple (weight -1) and inserts the new one (weight +1); a group whose row disappears
 * is only retracted. A step's work is proportional to its change and to the groups it touches.
 *
 * <p><b>Linear aggregates</b> (count, sum, average) keep no trace of their input, only the running
 * {@code (count, sum)} of each group in a primitive hash map (fastutil, unboxed for long keys). A
 * tuple's weight is its multiplicity: {@code count = Σ w}, {@code sum = Σ w·f(v)}. A group has a row
 * while its count is non-zero (so count-0 rows are never emitted; with negative total weights, which
 * SQL tables never have, the count and sum are the negative numbers). The count and sum of a group are
 * accumulated exactly in 128 bits, so the outcome does not depend on how the tuples are split over workers
 * or steps: a step fails with an {@link java.lang.ArithmeticException} naming the group's key and value only
 * when a group's result after the step (its count, sum or integer average) does not fit in a long. (Exact
 * while a group's sum stays within ±2^127, which needs tuples whose |weight × value| is near 2^126 to leave.)
 *
 * <p><b>Group aggregates</b> (min, max, count distinct, user-defined) read the input's shared integral
 * trace: for each touched group they merge the trace's consolidated values with the step's change and
 * recompute the result before and after the step, so deletions retract correctly. They consider the
 * values whose total weight is positive (a value of total weight {@code w > 0} counts {@code w} times
 * for an aggregator, once for count distinct); a group has a row while it has such a value. Their cost
 * is the size of the touched groups.
 *
 * <p><b>Incremental aggregates</b> ({@link org.jdbsp.operators.aggregate.Aggregates#incremental}) keep one
 * mutable state per group that every tuple updates with its signed weight, so they read no trace and can
 * compute many measures of a group in one pass (for example filtered counts and filtered distinct counts
 * with {@link org.jdbsp.operators.aggregate.FilteredDistinct}); their cost is the change, their state
 * whatever the aggregator keeps.
 *
 * <p><b>Workers.</b> With several workers every aggregate reads its input
 * {@linkplain org.jdbsp.circuit.IndexedZSetStream#shard() sharded} by key (an exchange, unless the input is
 * already sharded), so each group and its state live on one worker; the output, keyed by the group, is
 * sharded too, and an operator reading it by the same key needs no exchange.
 */
package org.jdbsp.operators.aggregate;
