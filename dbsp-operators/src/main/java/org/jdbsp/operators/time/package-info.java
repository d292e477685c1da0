/**
 * Event time: watermarks, lateness and watermark-driven garbage collection.
 *
 * <p>A watermark is a stream-level value per step, never decreasing: by default the largest event time
 * inserted so far minus a fixed delay. It travels as a one-tuple stream of longs ({@link
 * org.jdbsp.operators.time.Watermark#stream()}: each change retracts the old value and inserts the new
 * one), so an operator that needs it simply takes that stream as an extra input; the executor's static
 * schedule then runs it after the watermark of the same step, and forks need no shared objects.
 *
 * <p>Timing rule used by every operator of this module: during a step, a record is <em>late</em> when its
 * event time is below the watermark as it stood <em>before</em> the step, minus the allowed lateness;
 * windows close (and state is dropped) against the watermark as it stands <em>after</em> the step. A
 * late record is dropped and counted, never silently.
 *
 * <p>With several workers the watermark is global: every worker sees only its part of the records, and
 * the watermark operator agrees on the largest inserted event time and on the floor across the workers
 * each step, so every worker holds the watermark one worker would compute (its stream is
 * {@linkplain org.jdbsp.circuit.Placement#REPLICATED replicated}), and results do not depend on the number
 * of workers. {@code forgetKeysBelow} collects the trace of the stream sharded by key, the one keyed
 * operators read.
 */
package org.jdbsp.operators.time;
