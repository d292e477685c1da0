package org.jdbsp.circuit.internal;

import java.util.Arrays;
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

    /** Publishes {@code contribution}, waits for every worker, and returns every worker's, by index. */
    Object[] allGather(Object contribution) {
        return group.allGather(index, round++, contribution, idle);
    }

    /** Whether the thread running this worker was interrupted while waiting in a meeting since the last call. */
    boolean takeInterrupt() {
        return idle.takeInterrupt();
    }

    /** Sends {@code outgoing[j]} to worker {@code j}, for every j, and returns what each worker sent here. */
    @SuppressWarnings("unchecked")
    public <T> T[] exchange(T[] outgoing) {
        Object[] all = allGather(outgoing);
        T[] incoming = java.util.Arrays.copyOf(outgoing, all.length);
        for (int j = 0; j < all.length; j++) {
            incoming[j] = ((T[]) all[j])[index];
        }
        return incoming;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> gather(T value) {
        return (List<T>) Arrays.asList(allGather(value));
    }

    @Override
    public void maxAcross(long[] values) {
        Object[] all = allGather(values.clone());
        for (Object o : all) {
            long[] theirs = (long[]) o;
            if (theirs.length != values.length) {
                throw new IllegalStateException("maxAcross called with arrays of different lengths on different workers");
            }
            for (int k = 0; k < values.length; k++) {
                values[k] = Math.max(values[k], theirs[k]);
            }
        }
    }

    @Override
    public boolean allAcross(boolean value) {
        for (Object o : allGather(value ? TRUE : FALSE)) {
            if (o != TRUE) {
                return false;
            }
        }
        return true;
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
