/**
 * The service-provider interface for writing operators: one interface per arity, working on
 * {@link org.jdbsp.zset.spi.Batch}es, and {@link org.jdbsp.circuit.spi.Wiring}, which adds them to a circuit
 * and hands them the shared {@link org.jdbsp.circuit.spi.IntegralTrace} of their inputs. Library modules
 * (joins, aggregates, windows) implement these; applications use the stream API instead.
 *
 * <p>An operator that keeps state per key must read its inputs sharded by that key
 * ({@link org.jdbsp.circuit.IndexedZSetStream#shard()}, {@link org.jdbsp.circuit.ZSetStream#shardBy}) and take the
 * integral trace of the sharded stream, or it computes wrong results on several workers
 * ({@link org.jdbsp.circuit.spi.Wiring#addKeyedIndexedStream} and {@link org.jdbsp.circuit.spi.Wiring#addKeyedStream}
 * do both, and place the output); an operator
 * needing a value over all the data (a watermark, a fixed-point test) agrees on it through
 * {@link org.jdbsp.circuit.spi.Workers}. Say where the output lives with the {@code Wiring} methods that
 * take a {@link org.jdbsp.circuit.Placement}.
 */
package org.jdbsp.circuit.spi;
