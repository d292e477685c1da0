package org.jdbsp.circuit.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.circuit.spi.Workers;

/**
 * One worker's view of its {@link WorkerGroup}: its index, its count of collective rounds, and its idle
 * strategy. Used only by the thread running that worker (and, at build time, by the building thread).
 */
public final class WorkerContext implements Workers {
    private static final Boolean TRUE = Boolean.TRUE;
    private static final Boolean FALSE = Boolean.FALSE;

    private final WorkerGroup group;
    private final int index;
    private final StepWait idle = new StepWait();
    private long round;
    private int registered;
    /** How many slots of the group this worker has read in meetings (for the tests of this package). */
    long slotReads;

    WorkerContext(WorkerGroup group, int index) {
        this.group = group;
        this.index = index;
    }

    @Override
    public int count() {
        return group.size();
    }

    @Override
    public int index() {
        return index;
    }

    /** The group this worker belongs to. */
    public WorkerGroup group() {
        return group;
    }

    /** Whether the thread running this worker was interrupted while waiting in a meeting since the last call. */
    boolean takeInterrupt() {
        return idle.takeInterrupt();
    }

    /**
     * Sends {@code part} (not null) to worker {@code to} in this worker's next exchange, which
     * {@link #receive()} completes; send only what is not empty, at most one part per receiver.
     */
    void send(int to, Object part) {
        group.inbox(round, to).post(index, part);
    }

    /**
     * One round of an exchange: waits until every worker has sent what it sends ({@link #send}) and
     * arrived, and returns the parts sent here, in sender order (none when nobody sent anything here).
     */
    Object[] receive() {
        long r = round++;
        group.meet(index, r, null, null, idle);
        Inbox mine = group.inbox(r, index);
        slotReads += 1 + mine.size();
        return mine.take();
    }

    private Object reduce(Object contribution, WorkerGroup.Combiner combiner) {
        return group.meet(index, round++, contribution, combiner, idle);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> gather(T value) {
        return (List<T>) reduce(value, all -> Collections.unmodifiableList(Arrays.asList(all.clone())));
    }

    @Override
    public void maxAcross(long[] values) {
        // the last worker to arrive reads every worker's array while the others wait, so nothing is copied before
        Object max = reduce(values, WorkerContext::max);
        if (max instanceof String) {
            throw new IllegalStateException((String) max);
        }
        System.arraycopy((long[]) max, 0, values, 0, values.length);
    }

    private static Object max(Object[] all) {
        long[] max = ((long[]) all[0]).clone();
        for (int i = 1; i < all.length; i++) {
            long[] theirs = (long[]) all[i];
            if (theirs.length != max.length) {
                return "maxAcross called with arrays of different lengths on different workers (" + max.length
                        + " on worker 0, " + theirs.length + " on worker " + i + ")";
            }
            for (int k = 0; k < max.length; k++) {
                max[k] = Math.max(max[k], theirs[k]);
            }
        }
        return max;
    }

    @Override
    public boolean allAcross(boolean value) {
        return reduce(value ? TRUE : FALSE, WorkerContext::all) == TRUE;
    }

    private static Object all(Object[] all) {
        for (Object o : all) {
            if (o != TRUE) {
                return FALSE;
            }
        }
        return TRUE;
    }

    @Override
    public <T> Replicas<T> replicas(T local) {
        return group.register(index, registered++, local);
    }

    /**
     * The object worker 0 registered in this position: on worker 0, {@code local} itself; on the others
     * (whose builds run after worker 0's), the one worker 0 made.
     */
    <T> T sharedFromWorkerZero(T local, Class<T> type) {
        Object first = replicas(local).get(0);
        if (!type.isInstance(first)) {
            throw new IllegalStateException("worker " + index + " expected a " + type.getSimpleName() + " where worker 0 made "
                    + (first == null ? "nothing" : "a " + first.getClass().getSimpleName())
                    + ": the build function must build the same circuit on every call (it is called once per worker)");
        }
        return type.cast(first);
    }

    /** The number of objects this worker's build registered. */
    public int registered() {
        return registered;
    }
}
