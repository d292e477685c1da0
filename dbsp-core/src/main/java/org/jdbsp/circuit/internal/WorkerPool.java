package org.jdbsp.circuit.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.jdbsp.circuit.CircuitException;

/**
 * Runs a circuit's W replicas, one per worker: worker 0 on the thread calling {@link #run()}, workers 1 to
 * W - 1 on threads named {@code jdbsp-worker-<circuit>-<index>}, started when the circuit is built.
 *
 * <p>A step: the calling thread hands every input's pushes to the step, raises the requested step number
 * and unparks the worker threads; every worker runs its replica, meeting the others at each exchange; the
 * calling thread then waits until every worker thread has reported the step finished. A failure in any
 * worker aborts the step on all of them (see {@link WorkerGroup}); the step then throws a
 * {@link CircuitException} naming the operator and the worker, and the threads end. The threads are
 * daemons, so a circuit that is never closed does not keep the JVM alive, but {@link #close()} ends them
 * and waits for them.
 *
 * <p><b>Liveness.</b> Between steps a worker thread spins briefly, then parks until the next step is
 * requested (no polling: an idle circuit costs no CPU). Worker threads ignore interrupts (they clear the
 * status, which would make every park return at once); {@code close()} ends them. A worker thread that dies
 * outside any operator (an {@link Error} in the runtime itself) records that error as its failure if it
 * can; if it cannot, the workers waiting for it, and the calling thread waiting for the end of the step,
 * find it dead when they check (see {@link StepWait}), so the step fails within a bounded time instead of
 * waiting forever. The calling thread's interrupt status is cleared while it waits and set again when the
 * step ends.
 */
public final class WorkerPool implements StepRunner {
    private static final int SPINS = 64;
    private static final int YIELDS = 16;

    /** A fault injected into the worker threads, for the tests of this package only; null otherwise. */
    static volatile FaultHook faultHook;

    private final WorkerGroup group;
    private final Executor[] executors;
    private final Thread[] threads;
    private final long[] work;
    private final AtomicLongArray finished;
    private final StepWait endWait = new StepWait();
    private volatile long requested;
    private volatile boolean shutdown;
    private long steps;

    /** Where {@link #faultHook} is called: before a worker runs its step, and when its thread is dying. */
    enum FaultPoint { BEFORE_STEP, DYING }

    /** A test's fault: may throw to kill the worker thread at {@code point}. */
    interface FaultHook {
        /** Called by worker {@code worker} of circuit {@code circuit} at {@code point}. */
        void at(String circuit, int worker, FaultPoint point);
    }

    /** Starts the worker threads of {@code group}, worker {@code i} running {@code executors[i]}. */
    public WorkerPool(WorkerGroup group, Executor[] executors) {
        this.group = group;
        this.executors = executors.clone();
        int w = group.size();
        this.threads = new Thread[w];
        this.work = new long[w];
        this.finished = new AtomicLongArray(w);
        for (int i = 1; i < w; i++) {
            int index = i;
            Thread t = new Thread(() -> work(index), "jdbsp-worker-" + group.name() + "-" + i);
            t.setDaemon(true);
            threads[i] = t;
            group.setThread(i, t);
        }
        for (int i = 1; i < w; i++) {
            threads[i].start();
        }
    }

    private void work(int index) {
        try {
            loop(index);
        } catch (Throwable t) {
            // outside any operator: record it if still possible, else the others find this thread dead
            fault(index, FaultPoint.DYING);
            group.fail(index, new IllegalStateException("the thread " + Thread.currentThread().getName() + " of worker "
                    + index + " died outside any operator: " + t, t));
            throw t;
        }
    }

    private void loop(int index) {
        long done = 0;
        while (awaitStep(done)) {
            done++;
            fault(index, FaultPoint.BEFORE_STEP);
            long w = 0;
            try {
                w = executors[index].run();
            } catch (Throwable t) {
                group.fail(index, t);
            }
            work[index] = w;
            finished.set(index, done);
            LockSupport.unpark(threads[0]);
        }
    }

    /** Waits until the step after {@code done} is requested (true) or the pool stops (false). */
    private boolean awaitStep(long done) {
        for (int n = 0; ; n++) {
            if (requested != done) {
                return true;
            }
            if (shutdown) {
                return false;
            }
            if (n < SPINS) {
                Thread.onSpinWait();
            } else if (n < SPINS + YIELDS) {
                Thread.yield();
            } else {
                // the stepping thread raises requested, then unparks: a wake-up cannot be lost
                LockSupport.park(this);
                // interrupts are ignored: a set status would make park return at once
                Thread.interrupted();
            }
        }
    }

    private void fault(int index, FaultPoint point) {
        FaultHook hook = faultHook;
        if (hook != null) {
            hook.at(group.name(), index, point);
        }
    }

    @Override
    public long run() {
        if (shutdown) {
            throw new IllegalStateException("the workers of circuit " + group.name() + " have stopped");
        }
        boolean returned = false;
        try {
            long total = step();
            returned = true;
            return total;
        } finally {
            if (!returned) {
                close();
            }
            if (endWait.takeInterrupt() | group.worker(0).takeInterrupt()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private long step() {
        Thread caller = Thread.currentThread();
        threads[0] = caller;
        group.setThread(0, caller);
        group.sealInputs();
        group.stepRunning(true);
        long step = ++steps;
        requested = step;
        for (int i = 1; i < threads.length; i++) {
            LockSupport.unpark(threads[i]);
        }
        long total = 0;
        try {
            total = executors[0].run();
        } catch (Throwable t) {
            group.fail(0, t);
        }
        awaitWorkers(step);
        group.releaseInputs();
        group.stepRunning(false);
        WorkerGroup.WorkerFailure failure = group.failure();
        if (failure != null) {
            throw asCircuitException(failure);
        }
        for (int i = 1; i < work.length; i++) {
            total += work[i];
        }
        return total;
    }

    /** Waits until every worker thread has finished {@code step}, or is found dead (which fails the step). */
    private void awaitWorkers(long step) {
        for (int i = 1; i < threads.length; i++) {
            endWait.reset();
            while (finished.get(i) < step) {
                if (endWait.idle() && !threads[i].isAlive() && finished.get(i) < step) {
                    group.fail(i, WorkerGroup.died(i, threads[i]));
                    break;
                }
            }
        }
    }

    private static CircuitException asCircuitException(WorkerGroup.WorkerFailure f) {
        Throwable e = f.error();
        if (e instanceof CircuitException) {
            CircuitException ce = (CircuitException) e;
            return new CircuitException(ce.operator(), -1, f.worker(), ce.getCause());
        }
        // operators' failures arrive as CircuitExceptions: anything else is the worker thread's own
        return new CircuitException("worker thread", -1, f.worker(), e);
    }

    @Override
    public long stateTuples() {
        long n = 0;
        for (Executor e : executors) {
            n += e.stateTuples();
        }
        return n;
    }

    @Override
    public int workers() {
        return executors.length;
    }

    @Override
    public Executor executor(int worker) {
        return executors[worker];
    }

    @Override
    public Executor[] executors() {
        return executors.clone();
    }

    @Override
    public void close() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        // a worker still in a meeting (of a step that failed unexpectedly) leaves it
        group.abort();
        boolean interrupted = false;
        for (int i = 1; i < threads.length; i++) {
            LockSupport.unpark(threads[i]);
        }
        for (int i = 1; i < threads.length; i++) {
            while (true) {
                try {
                    threads[i].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
