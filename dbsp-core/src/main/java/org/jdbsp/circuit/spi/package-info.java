/**
 * The service-provider interface for writing operators: one interface per arity, working on internal
 * {@link org.jdbsp.zset.internal.Batch}es. Library modules (joins, aggregates, windows) implement these;
 * applications normally use the fluent {@link org.jdbsp.circuit.Stream} API instead.
 *
 * <p>An operator that keeps state per key must read its inputs sharded by that key
 * ({@link org.jdbsp.circuit.IndexedStream#shard()}, {@link org.jdbsp.circuit.Stream#shardBy}) and take the
 * integral trace of the sharded stream, or it computes wrong results on several workers; an operator
 * needing a value over all the data (a watermark, a fixed-point test) agrees on it through
 * {@link org.jdbsp.circuit.spi.Workers}. Say where the output lives with the
 * {@code CircuitBuilder.addOperator} that takes a {@link org.jdbsp.circuit.Placement}.
 */
package org.jdbsp.circuit.spi;
