/**
 * The fluent entry to the relational operators: {@link org.jdbsp.operators.Relation} and
 * {@link org.jdbsp.operators.IndexedRelation} are the core {@link org.jdbsp.circuit.ZSetStream} and
 * {@link org.jdbsp.circuit.IndexedZSetStream} with this module's operators (joins, aggregates, distinct, top-k,
 * lag, watermarks, windows) as methods, so that typing {@code .} after a stream offers them:
 *
 * <pre>{@code
 * Relation<Order> orders = Relation.of(c.<Order>zsetInput("orders"));
 * IndexedRelation<String, Long> revenue = orders.groupBy(Order::country).sum(Order::cents);
 * }</pre>
 *
 * <p>A relation is the core stream (same circuit, same operator), so it goes wherever a core stream is
 * accepted, and every core method returning a stream returns a relation here. The methods are a thin layer
 * over the static entries of the subpackages ({@link org.jdbsp.operators.join.Joins},
 * {@link org.jdbsp.operators.aggregate.Aggregates}, ...), which remain and hold each operator's contract; a
 * fluent call adds exactly the operators its static entry adds. The static entries also return what the
 * fluent methods leave out: the counters of {@link org.jdbsp.operators.time.LateFilter} and
 * {@link org.jdbsp.operators.window.WindowAggregation}.
 */
package org.jdbsp.operators;
