package org.jdbsp.operators.topk;

/**
 * A row of a top-k with its row number: {@code ROW_NUMBER() OVER (PARTITION BY key ORDER BY ...)}.
 *
 * @param rank  the row number within its group, from 1
 * @param value the row
 * @param <V>   the row type
 */
public record Ranked<V>(long rank, V value) {}
