package org.jdbsp.nexmark.queries;

/**
 * A row of a query's result, with its column values in the order of the SQL select-list.
 *
 * <p>Values are {@code Long}, {@code Integer}, {@code String}, {@code BigDecimal}, {@code Double} or
 * {@code null} (SQL NULL); timestamps are epoch milliseconds as {@code Long}. Only the results export
 * and tests read them, so building the array may allocate.
 */
public interface ResultRow {
    /** The column values, in select-list order. */
    Object[] columnValues();
}
