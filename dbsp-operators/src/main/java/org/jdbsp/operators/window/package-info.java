/**
 * Event-time windows: tumbling, hopping (sliding) and session windows, and windowed aggregates that emit
 * a window's final row once the watermark has passed its end.
 *
 * <p>Fixed-size windows ({@link org.jdbsp.operators.window.TimeWindows}) align to the epoch: a window is
 * {@code [start, start + size)} with {@code start} a multiple of the slide, start inclusive, end exclusive;
 * a record at time {@code t} lies in every window with {@code start <= t < start + size}. A session
 * ({@link org.jdbsp.operators.window.SessionWindows}) per key is a maximal run of records whose successive
 * event times are less than {@code gap} apart (at most {@code gap} apart for Flink's inclusive variant); it
 * spans {@code [first time, last time + gap)}. Ends that would pass {@link Long#MAX_VALUE} end there, and a
 * fixed-size window cannot start before {@link Long#MIN_VALUE} (see {@link org.jdbsp.operators.window.Windows}).
 *
 * <p>State and timing. A windowed aggregate keeps, per (window, key), the accumulator of the records seen, on
 * the models of the ordinary aggregates of {@link org.jdbsp.operators.aggregate}: count and sum as the exact 128-bit
 * words of the linear aggregates (one slot per group in a primitive table, nothing allocated per record), min and
 * max as an incremental aggregator over an unboxed multiset of values, a custom aggregate as one over the multiset of
 * records; each group is held once and counted once in {@link org.jdbsp.operators.window.WindowAggregation#stateTuples()}.
 * A fixed-size window aggregate is the ordinary keyed aggregate operator of the incremental aggregates, with
 * (window start, key) groups and emission on close; sessions have their own operator.
 * A key that is a primitive long ({@link org.jdbsp.operators.window.WindowedAggregates#aggregateByLong}) is read
 * and looked up unboxed, so a record adding to existing groups allocates nothing.
 * With W0 the watermark before a step and W1 after it: records with event time below
 * {@code W0 - allowedLateness} are dropped and counted by the one lateness rule of event time,
 * {@link org.jdbsp.operators.time.Watermarks#dropLate}, before they travel to their key's worker; a window
 * whose end is at most W1 emits its row;
 * a record within the allowed lateness that changes an already emitted row retracts it and emits the new
 * one; a window whose {@code end + allowedLateness} is at most W1 is forgotten, so state stays bounded by
 * the windows the watermark keeps open. A step's work is proportional to its records times the windows
 * each falls into, plus the rows it emits.
 *
 * <p>With several workers the records are first sent to the worker owning their key
 * ({@link org.jdbsp.circuit.ZSetStream#shardBy}), so a key's windows and sessions live on one worker;
 * {@link org.jdbsp.operators.window.WindowAggregation} sums its counters over the workers.
 */
package org.jdbsp.operators.window;
