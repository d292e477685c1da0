package org.jdbsp.nexmark.generator;

/** How a generator draws the random numbers of its events. */
public enum RngMode {

    /**
     * One sequential random stream per generator, consumed by every event in turn, exactly like the reference
     * (Flink Nexmark) generator: reproduces its output for the same seeds, but event k can only be produced by
     * producing every event before it.
     */
    REFERENCE,

    /**
     * A random stream per event, derived only from the event seed and the event number: the same field logic and
     * value distributions as {@link #REFERENCE}, but event k can be produced alone, so generation parallelises.
     */
    PER_EVENT
}
