package org.jdbsp.circuit;

/**
 * Where the tuples of a stream live when a circuit runs on several workers ({@link CircuitConfig#workers()}).
 *
 * <p>Each worker runs its own replica of the circuit on its part of the data; a stream's change in a step
 * is the sum of the workers' parts. The placement says how those parts were cut, so that an operator whose
 * state is keyed can skip the exchange when its input is already cut by that key. With one worker every
 * placement holds trivially and nothing is ever exchanged.
 */
public enum Placement {
    /** Any worker may hold any tuple (inputs, and whatever a re-keying or a join produced). */
    ANY,
    /**
     * Each tuple lives on the worker that owns its key (the record, for a plain stream): the worker chosen by
     * a well-mixed hash of the key, the same for every stream of the circuit. Made by {@code shard()}, and
     * kept by filters, value maps, sums of sharded streams and keyed operators whose output has their
     * input's key.
     */
    SHARDED,
    /** Every worker holds the whole change (a watermark, after an all-reduce across the workers). */
    REPLICATED;

    /** The placement of a sum of streams placed {@code this} and {@code other}. */
    Placement plus(Placement other) {
        return this == other ? this : ANY;
    }
}
