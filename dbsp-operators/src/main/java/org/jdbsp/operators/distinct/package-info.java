/**
 * Distinct: the set of records whose total weight is positive, maintained incrementally.
 *
 * <p>{@link org.jdbsp.operators.distinct.Distinct#distinct} reads the shared integral trace of its
 * input ({@link org.jdbsp.circuit.spi.Wiring#integralTrace}), which during a step holds the
 * integral up to the previous step. For every tuple of the step's change it looks up the tuple's old
 * total weight {@code w} (one ascending cursor per step) and emits {@code +1} when {@code w <= 0 < w + Δ},
 * {@code -1} when {@code w > 0 >= w + Δ}, and nothing otherwise: a record's output changes only when its
 * total weight crosses zero. The work of a step is proportional to its change times the logarithm of
 * the trace, never to the whole state.
 *
 * <p>With several workers the input is sharded by record (by key and value for indexed streams) first, so
 * each record's total weight lives on one worker; the output is sharded likewise.
 */
package org.jdbsp.operators.distinct;
