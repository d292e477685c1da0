package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jdbsp.circuit.spi.Replicas;

/**
 * What the W workers of one circuit share: the meeting point of their collective operations, the failure
 * that aborts a step, the threads to wake, and the registry that links the objects each worker's build
 * made (inputs, library objects) across workers.
 *
 * <p><b>Meetings.</b> Every collective operation is a round, and a round costs the group O(W) in all, plus
 * the data: no worker reads a slot of every other worker. Arrivals are counted by one monotonic counter, so
 * round {@code r} (counted from 0 by each worker) has everyone when it reaches {@code (r + 1) * W}; the
 * last worker to arrive completes the round (raises {@code completed} to {@code r + 1}) and unparks the
 * others, who wait for that. In an exchange each sender posts only its non-empty parts into the
 * receivers' {@link Inbox}es before it arrives, and each receiver then takes its own inbox: it reads only
 * what it was sent. In a reduction ({@code maxAcross}, {@code allAcross}, {@code gather}) each worker puts
 * its contribution in its slot and the last to arrive combines the W slots once, before completing the
 * round; every worker reads the one result. Slots, inboxes and results alternate between two sets by the
 * parity of the round: a worker writes the set of round {@code r + 2} only after round {@code r + 1} is
 * complete, that is, after every worker has finished reading round {@code r}. Waiting spins, then yields,
 * then parks ({@link StepWait}).
 *
 * <p><b>Failure.</b> The first failure of any worker is recorded and sets the abort flag; waiting workers
 * see it and leave with {@link StepAborted}, so no worker is left waiting for one that will not come. A
 * worker whose thread has died cannot record anything: a waiting worker checks now and then, while parked,
 * that the other threads are alive, and records the death of one as its failure.
 */
public final class WorkerGroup {
    private final int size;
    private final String name;
    private final AtomicLong arrivals = new AtomicLong();
    private volatile long completed;
    private final Object[][] slots;
    private final Object[] results = new Object[2];
    private final Inbox[][] inboxes;
    private final AtomicReference<WorkerFailure> failure = new AtomicReference<>();
    private volatile boolean aborted;
    private volatile boolean stepRunning;
    private final Thread[] threads;
    private final WorkerContext[] contexts;
    private final List<Object[]> registry = new ArrayList<>();
    private final List<SharedInput> inputs = new ArrayList<>();

    /** The first failure of a step: which worker, and what it threw. */
    public record WorkerFailure(int worker, Throwable error) {}

    /** A group of {@code size} (at least 2) workers of the circuit called {@code name}. */
    public WorkerGroup(int size, String name) {
        if (size < 2) {
            throw new IllegalArgumentException("a worker group needs at least 2 workers, not " + size);
        }
        this.size = size;
        this.name = name;
        this.slots = new Object[2][size];
        this.inboxes = new Inbox[2][size];
        for (int i = 0; i < size; i++) {
            inboxes[0][i] = new Inbox(size);
            inboxes[1][i] = new Inbox(size);
        }
        this.threads = new Thread[size];
        this.contexts = new WorkerContext[size];
        for (int i = 0; i < size; i++) {
            contexts[i] = new WorkerContext(this, i);
        }
    }

    /** The number of workers. */
    public int size() {
        return size;
    }

    /** The circuit's name. */
    public String name() {
        return name;
    }

    /** Worker {@code index}'s view of the group. */
    public WorkerContext worker(int index) {
        return contexts[index];
    }

    /** Sets the thread running worker {@code index} (worker 0: the thread calling step, at every step). */
    void setThread(int index, Thread thread) {
        threads[index] = thread;
    }

    /** Combines the contributions of one round (by worker index) into the result every worker reads. */
    interface Combiner {
        /** The round's result; must not throw (a result may stand for an error that every worker throws). */
        Object combine(Object[] contributions);
    }

    /** The inbox of worker {@code to} for round {@code round}. */
    Inbox inbox(long round, int to) {
        return inboxes[(int) (round & 1)][to];
    }

    /**
     * One round of a collective operation by worker {@code index}, its {@code round}-th: puts
     * {@code contribution} in its slot (with a {@code combiner}), waits for every worker, and returns what the
     * last worker to arrive combined from all the slots (null without a combiner: an exchange, whose parts
     * are in the {@link #inbox}es). Counts the slots this worker reads into its context.
     */
    Object meet(int index, long round, Object contribution, Combiner combiner, StepWait idle) {
        int parity = (int) (round & 1);
        Object[] set = slots[parity];
        if (combiner != null) {
            set[index] = contribution;
        }
        long target = (round + 1) * size;
        if (arrivals.incrementAndGet() == target) {
            Object result = null;
            if (combiner != null) {
                try {
                    result = combiner.combine(set);
                } catch (Throwable t) {
                    fail(index, t);
                    throw t;
                }
                contexts[index].slotReads += size;
                Arrays.fill(set, null);
            }
            results[parity] = result;
            completed = round + 1;
            wakeAllBut(index);
            return result;
        }
        idle.reset();
        while (completed <= round) {
            if (aborted) {
                throw new StepAborted();
            }
            if (idle.idle()) {
                failIfAnotherDied(index, round);
            }
        }
        return results[parity];
    }

    private void wakeAllBut(int index) {
        for (int i = 0; i < size; i++) {
            Thread t = threads[i];
            if (i != index && t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Records the death of the thread of any worker but {@code index} as its failure (which aborts the step). */
    /**
     * Fails the step if another worker's thread has ended while worker {@code index} waits for round
     * {@code round}. A thread not started yet is not dead, and neither is one that ended after the round was
     * complete (it left its last meeting; the waiter had not seen the round end yet).
     */
    private void failIfAnotherDied(int index, long round) {
        for (int i = 0; i < size; i++) {
            Thread t = threads[i];
            if (i != index && t != null && t.getState() == Thread.State.TERMINATED) {
                if (completed <= round) {
                    fail(i, died(i, t));
                }
                return;
            }
        }
    }

    /** The failure of worker {@code index}, whose thread {@code t} has ended in the middle of a step. */
    static IllegalStateException died(int index, Thread t) {
        return new IllegalStateException("the thread " + t.getName() + " of worker " + index
                + " died outside any operator (an Error in the runtime, such as OutOfMemoryError) and cannot finish the step");
    }

    /** Aborts the step without recording a failure (when the workers are stopped): no worker stays in a meeting. */
    void abort() {
        aborted = true;
        wakeAllBut(-1);
    }

    /** Records the failure of worker {@code index} unless one is recorded already, and aborts the step. */
    void fail(int index, Throwable error) {
        if (failure.compareAndSet(null, new WorkerFailure(index, error))) {
            aborted = true;
            wakeAllBut(index);
        }
    }

    /** The first failure recorded, or null. */
    WorkerFailure failure() {
        return failure.get();
    }

    /**
     * Links the {@code sequence}-th object registered by worker {@code index}'s build with the objects
     * registered in the same position by the other workers' builds (which run in worker order).
     */
    <T> Replicas<T> register(int index, int sequence, T local) {
        if (index == 0) {
            registry.add(new Object[size]);
        } else if (sequence >= registry.size()) {
            throw new IllegalStateException("the build function made more shared objects on worker " + index
                    + " than on worker 0: it must build the same circuit on every call (it is called once per worker)");
        }
        Object[] instances = registry.get(sequence);
        instances[index] = local;
        return new Replicas<>(instances, () -> stepRunning);
    }

    /** Adds an input whose pushes every worker shares. */
    void addInput(SharedInput input) {
        inputs.add(input);
    }

    /** Marks whether the workers are running a step (set by the stepping thread around each step). */
    void stepRunning(boolean running) {
        stepRunning = running;
    }

    /** Hands every input's pushes since the last step to this step (called by the stepping thread). */
    void sealInputs() {
        for (SharedInput in : inputs) {
            in.seal();
        }
    }

    /** Drops every input's pushes of the step just run. */
    void releaseInputs() {
        for (SharedInput in : inputs) {
            in.release();
        }
    }
}
