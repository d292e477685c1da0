/**
 * Top-k per group ({@code ROW_NUMBER() <= k}), with or without the row numbers, and "last N by time".
 * Ties are broken by the input's value order, so results never depend on arrival order (see
 * {@link org.jdbsp.operators.topk.TopK}).
 */
package org.jdbsp.operators.topk;
