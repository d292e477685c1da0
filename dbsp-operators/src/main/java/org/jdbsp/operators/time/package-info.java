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
 */
package org.jdbsp.operators.time;
