/**
 * What the aggregates of this module share: exact 128-bit accumulation of counts and sums ({@link
 * org.jdbsp.operators.aggregate.internal.Int128}) and the slot table of the linear aggregates' groups ({@link
 * org.jdbsp.operators.aggregate.internal.LinearGroups}), used by the ordinary and the windowed count and sum.
 */
package org.jdbsp.operators.aggregate.internal;
