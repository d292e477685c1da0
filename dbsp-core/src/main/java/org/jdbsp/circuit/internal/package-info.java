/**
 * The machinery behind circuits, not a public API: the operator graph and its static schedule, the
 * executor that runs one step, the built-in operators, and the incremental fixed-point operator; and
 * the multi-worker runtime: the worker threads ({@link org.jdbsp.circuit.internal.WorkerPool}), their
 * meeting point ({@link org.jdbsp.circuit.internal.WorkerGroup}), the exchange
 * ({@link org.jdbsp.circuit.internal.ShardOperator}) and the key hash
 * ({@link org.jdbsp.circuit.internal.KeyHash}).
 */
package org.jdbsp.circuit.internal;
