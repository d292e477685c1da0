package org.jdbsp.circuit.spi;

import java.util.List;

/**
 * The workers running a circuit, as seen by one of them: the extension point for operators whose result
 * needs the whole data and not only this worker's shard (a watermark is the maximum event time over every
 * worker; a fixed point is reached only when every worker has reached it).
 *
 * <p>Obtained at build time from {@link org.jdbsp.circuit.CircuitBuilder#workers()}. With one worker every
 * method returns its argument at once. With several, the collective methods ({@link #gather}, {@link #maxAcross},
 * {@link #allAcross}) must be called during a step by every worker, in the same order, the same number of
 * times: each call waits until every worker has made it. Since every worker runs the same operators in the
 * same static order, an operator calling one of them once per step satisfies this. If another worker fails,
 * a waiting call throws, and the step fails with that worker's error.
 */
public interface Workers {
    /** The number of workers (at least 1). */
    int count();

    /** This worker's index, from 0 to {@code count() - 1}. */
    int index();

    /**
     * Every worker's {@code value}, by worker index (this worker's own at {@link #index()}); a collective
     * call. The list is read-only and the same for every worker (made once per call, not once per worker);
     * the values must not be changed afterwards, since other workers read them.
     */
    <T> List<T> gather(T value);

    /**
     * Replaces every element of {@code values} by its maximum over all workers' arrays (which must have the
     * same length); a collective call.
     */
    void maxAcross(long[] values);

    /** True when {@code value} is true on every worker; a collective call. */
    boolean allAcross(boolean value);

    /**
     * Registers this worker's instance of an object the build function creates once per worker (an
     * operator, a counter) and returns the handle to every worker's instance, in worker order. The build
     * function must register the same objects in the same order on every call; an operator library uses
     * this so that the object it hands to the user (always worker 0's) can sum or set what every worker
     * holds between steps.
     */
    <T> Replicas<T> replicas(T local);
}
