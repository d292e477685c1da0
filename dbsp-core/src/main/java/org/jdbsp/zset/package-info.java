/**
 * Z-sets: finite maps from records to non-zero {@code long} weights, with group addition, and indexed
 * Z-sets, which map keys to Z-sets of values.
 *
 * <p>Every Z-set is an immutable, consolidated batch: its tuples are sorted (by key, then value), no
 * tuple appears twice and no weight is zero. Columns are arrays (struct of arrays): {@code long} keys
 * and values in {@code long[]}, records of user types in {@code Object[]} ordered by a comparator
 * (see {@link org.jdbsp.zset.Layout} and {@link org.jdbsp.zset.Orders}). Builders accept tuples in
 * any order and consolidate them; {@link org.jdbsp.zset.Weights} is the one place that adds weights,
 * and it never lets them overflow silently. Z-sets and indexed Z-sets are equal when they hold the same
 * tuples with the same weights, whatever order or layout stores them, and print in an order that depends
 * on their content only.
 */
package org.jdbsp.zset;
