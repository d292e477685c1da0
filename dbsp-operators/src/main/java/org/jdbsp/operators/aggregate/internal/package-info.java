/**
 * What the aggregates of this module share: exact 128-bit accumulation of counts and sums ({@link
 * org.jdbsp.operators.aggregate.internal.Int128}), the slot table of the linear aggregates' groups ({@link
 * org.jdbsp.operators.aggregate.internal.LinearGroups}), used by the ordinary and the windowed count and sum, and
 * the group index from keys to those slots ({@link org.jdbsp.operators.aggregate.internal.GroupSlots}), used by the
 * ordinary count/sum/average and by each window of a windowed aggregate.
 */
package org.jdbsp.operators.aggregate.internal;
