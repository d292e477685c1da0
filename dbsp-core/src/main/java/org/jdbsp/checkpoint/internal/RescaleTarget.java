package org.jdbsp.checkpoint.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.spi.Batch;

/**
 * One new worker of a restore on another number of workers: its index and the number of workers, and the
 * batches of each of its traces gathered so far from the saved parts read (a trace is restored once per saved
 * part, each time with everything gathered until then).
 */
final class RescaleTarget {
    final int worker;
    final int workers;
    private final Map<Trace, List<Batch>> spines = new IdentityHashMap<>();
    private final Map<Trace, Object> bounds = new IdentityHashMap<>();

    RescaleTarget(int worker, int workers) {
        this.worker = worker;
        this.workers = workers;
    }

    /**
     * Adds {@code batches} and {@code bound} (null for none; every worker forgets below the same bound, so the
     * parts that have one agree) to what {@code trace} gathered, and restores it with all of it.
     */
    void add(Trace trace, List<Batch> batches, Object bound) {
        List<Batch> spine = spines.computeIfAbsent(trace, t -> new ArrayList<>());
        spine.addAll(batches);
        if (bound != null) {
            bounds.put(trace, bound);
        }
        trace.restore(spine, bounds.get(trace));
    }
}
