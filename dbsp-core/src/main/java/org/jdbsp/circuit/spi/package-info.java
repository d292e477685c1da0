/**
 * The service-provider interface for writing operators: one interface per arity, working on internal
 * {@link org.jdbsp.zset.internal.Batch}es. Library modules (joins, aggregates, windows) implement these;
 * applications normally use the fluent {@link org.jdbsp.circuit.Stream} API instead.
 */
package org.jdbsp.circuit.spi;
