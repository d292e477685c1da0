/**
 * Top-k per group ({@code ROW_NUMBER() <= k}), with or without the row numbers, and "last N by time".
 * Ties are broken by the input's value order, so results never depend on arrival order (see
 * {@link org.jdbsp.operators.topk.TopK}). With several workers the input is sharded by key, so a group
 * lives on one worker and the output stays sharded.
 */
package org.jdbsp.operators.topk;
