package org.jdbsp.operators.lag;

/**
 * A row and the row before it in its group's order: {@code (row, LAG(row) OVER (PARTITION BY key ORDER BY ...))}.
 *
 * @param row      the row
 * @param previous the previous row in the group's order, or null for the first row
 * @param <V>      the row type
 */
public record LagRow<V>(V row, V previous) {}
