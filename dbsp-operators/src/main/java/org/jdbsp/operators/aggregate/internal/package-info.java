/**
 * What the aggregates of this module share: exact 128-bit accumulation of counts and sums ({@link
 * org.jdbsp.operators.aggregate.internal.Int128}), the words of the groups' counts and sums ({@link
 * org.jdbsp.operators.aggregate.internal.LinearGroups}), the group index from keys to slots ({@link
 * org.jdbsp.operators.aggregate.internal.GroupSlots}), and the table of groups that joins them, with the state of an
 * incremental aggregator per group where it has one ({@link org.jdbsp.operators.aggregate.internal.GroupTable}): the
 * ordinary count/sum/average keeps one table, a fixed-size window aggregate one per window, a session aggregate its
 * scratch accumulators in one. A fixed-size window aggregate's groups are keyed by (window start, key) in
 * {@link org.jdbsp.operators.aggregate.internal.WindowGroups} (sorted starts, so that the windows a watermark closes or
 * forgets are ranges), and emitted by the on-close policy of {@link org.jdbsp.operators.aggregate.internal.EmitOnClose}.
 * One operator runs both the ordinary incremental aggregate and the fixed-size window aggregate,
 * {@link org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator}: plain keys with emission per step, or
 * (window start, key) groups with emission on close, a record changing its group as
 * {@link org.jdbsp.operators.aggregate.internal.GroupUpdate} says.
 */
package org.jdbsp.operators.aggregate.internal;
