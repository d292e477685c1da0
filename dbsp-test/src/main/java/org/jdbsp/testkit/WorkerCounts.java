package org.jdbsp.testkit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbsp.circuit.CircuitConfig;
import org.opentest4j.AssertionFailedError;

/**
 * The worker counts a test runs the same circuit on, their configurations (validation of user types on),
 * and the check that what each run reads is the same: a circuit gives exactly the results of one worker
 * on any number of workers (README, "Workers").
 */
public final class WorkerCounts {
    /** The worker counts of a multi-worker test: 1, 2 and 4. */
    public static final List<Integer> DEFAULT = List.of(1, 2, 4);

    private static final AtomicLong NAMES = new AtomicLong();

    private WorkerCounts() {}

    /**
     * A configuration with {@code workers} workers, validation of user types on
     * ({@link CircuitConfig#withValidation(boolean)}), and a name of its own (its worker threads are named after it).
     */
    public static CircuitConfig config(int workers) {
        return config(CircuitConfig.defaults().withValidation(true), workers);
    }

    /**
     * As {@link #config(int)}, starting from {@code base} (its validation setting is kept); with storage when
     * {@link TestStorage#forced()}.
     */
    public static CircuitConfig config(CircuitConfig base, int workers) {
        return TestStorage.apply(base.withWorkers(workers).withName("test" + NAMES.incrementAndGet()));
    }

    /**
     * Asserts that {@code readings.get(i)}, read from the run on {@code workerCounts.get(i)} workers, equals
     * the first run's reading, for every i. Z-sets and indexed Z-sets compare by content and a difference
     * lists the records; anything else compares with {@code equals}.
     *
     * @param what names the reading and when it was taken, e.g. "change of 'counts' at step 3"
     * @throws AssertionFailedError naming {@code what} and the worker count that differs (a
     *                              {@link ZSetAssertionError} for Z-sets), the first run's reading as expected
     */
    public static void assertSameOnEvery(String what, List<Integer> workerCounts, List<?> readings) {
        if (workerCounts.size() != readings.size()) {
            throw new IllegalArgumentException(readings.size() + " readings for " + workerCounts.size() + " worker counts");
        }
        Object first = readings.get(0);
        for (int i = 1; i < readings.size(); i++) {
            Object other = readings.get(i);
            String where = what + " on " + workers(workerCounts.get(i)) + " (expected: as on " + workers(workerCounts.get(0)) + ")";
            ZSetAssertions.assertContentEquals(where, first, other);
        }
    }

    private static String workers(int w) {
        return w == 1 ? "1 worker" : w + " workers";
    }
}
