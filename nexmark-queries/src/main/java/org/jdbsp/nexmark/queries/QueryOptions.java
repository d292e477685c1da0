package org.jdbsp.nexmark.queries;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of the queries that talk to the world outside the circuit.
 *
 * @param q10Directory     the directory under which q10 writes its partitioned log files
 * @param processingClock  the processing-time clock of q12 (and q13), in epoch milliseconds; tests inject
 *                         a deterministic one
 */
public record QueryOptions(Path q10Directory, LongSupplier processingClock) {
    public QueryOptions {
        Objects.requireNonNull(q10Directory, "q10Directory");
        Objects.requireNonNull(processingClock, "processingClock");
    }

    /** q10 writes under {@code <java.io.tmpdir>/jdbsp-nexmark-q10}; the wall clock is the processing clock. */
    public static QueryOptions defaults() {
        return new QueryOptions(Path.of(System.getProperty("java.io.tmpdir"), "jdbsp-nexmark-q10"),
                System::currentTimeMillis);
    }

    /** These options with another q10 directory. */
    public QueryOptions withQ10Directory(Path directory) {
        return new QueryOptions(directory, processingClock);
    }

    /** These options with another processing-time clock. */
    public QueryOptions withProcessingClock(LongSupplier clock) {
        return new QueryOptions(q10Directory, clock);
    }
}
