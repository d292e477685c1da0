package org.jdbsp.circuit.spi;

/**
 * How an operator's state is cut among the workers, which says how a checkpoint taken on W workers is restored
 * on another number W' ({@link Operator#statePartitioning()}). On the same number of workers none of this
 * matters: each worker reads back its own part as it was saved.
 *
 * <p>On another number of workers every new worker calls {@link Operator#restore} once per saved worker part,
 * in the saved workers' order, on its one freshly built operator, and the {@link StateReader} cuts what it gives
 * back as the partitioning says. So {@code restore} must <em>add</em> what it reads to the state it already
 * holds (a fresh operator holds nothing, so on the same number of workers adding is setting): batches by
 * {@link org.jdbsp.zset.spi.Merging#plus}, entries of a table by putting them, counters by adding them.
 * Traces read with {@link StateReader#readTrace} are added up by the reader itself.
 */
public enum StatePartitioning {
    /**
     * The state cannot be moved between workers (the default): restoring a checkpoint on another number of
     * workers fails, naming the operator.
     */
    FIXED,
    /**
     * The state is kept per key, on the worker that owns the key by the hash the exchanges use (an operator
     * reading its inputs sharded by key). Batches and traces read come cut to the keys this worker owns; an
     * entry of a table read as objects is kept only when {@link StateReader#owns} (or {@link
     * StateReader#ownsLong}) says so; a per-worker counter that the workers' sum gives (records dropped as
     * late) is added only when {@link StateReader#takesCounters()}, so that each saved part's counters go to
     * exactly one worker and the sum is kept; a value every worker agrees on (a watermark, a step count) is
     * the same in every part and may be set from any.
     */
    BY_KEY,
    /**
     * Every worker holds the same state (a watermark agreed by all, a replicated table's progress): every new
     * worker gets the state of saved worker 0. Batches and traces of the other parts read as empty; their
     * other values are those every worker agreed on.
     */
    REPLICATED,
    /**
     * The state lives on worker 0 only (what an output gathers): new worker 0 gets the sum of every part,
     * the others nothing ({@link StateReader#owns} is false and batches read as empty there).
     */
    ON_WORKER_ZERO,
    /**
     * The state is a batch or trace of the operator's first input stream (a delay, an integral), cut as that
     * stream is: {@link #REPLICATED} when the stream is replicated, else {@link #BY_KEY} by the batches' key
     * (a stream placed anywhere is only ever read as the sum over the workers, so any cut will do).
     */
    FOLLOWS_INPUT
}
