package org.jdbsp.circuit.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
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
 */
public final class WorkerPool implements StepRunner {
    private final WorkerGroup group;
    private final Executor[] executors;
    private final Thread[] threads;
    private final long[] work;
    private final AtomicLong finished = new AtomicLong();
    private final IdleStrategy idle = WorkerGroup.newIdleStrategy();
    private volatile long requested;
    private volatile boolean shutdown;
    private long steps;

    /** Starts the worker threads of {@code group}, worker {@code i} running {@code executors[i]}. */
    public WorkerPool(WorkerGroup group, Executor[] executors) {
        this.group = group;
        this.executors = executors.clone();
        int w = group.size();
        this.threads = new Thread[w];
        this.work = new long[w];
        for (int i = 1; i < w; i++) {
            int index = i;
            Thread t = new Thread(() -> loop(index), "jdbsp-worker-" + group.name() + "-" + i);
            t.setDaemon(true);
            threads[i] = t;
            group.setThread(i, t);
        }
        for (int i = 1; i < w; i++) {
            threads[i].start();
        }
    }

    private void loop(int index) {
        IdleStrategy wait = WorkerGroup.newIdleStrategy();
        long done = 0;
        while (true) {
            wait.reset();
            while (requested == done) {
                if (shutdown) {
                    return;
                }
                wait.idle();
            }
            done++;
            long w = 0;
            try {
                w = executors[index].run();
            } catch (Throwable t) {
                group.fail(index, t);
            }
            work[index] = w;
            finished.incrementAndGet();
            LockSupport.unpark(threads[0]);
        }
    }

    @Override
    public long run() {
        if (shutdown) {
            throw new IllegalStateException("the workers of circuit " + group.name() + " have stopped");
        }
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
        long target = step * (threads.length - 1);
        idle.reset();
        while (finished.get() < target) {
            idle.idle();
        }
        group.releaseInputs();
        group.stepRunning(false);
        WorkerGroup.WorkerFailure failure = group.failure();
        if (failure != null) {
            close();
            throw asCircuitException(failure);
        }
        for (int i = 1; i < work.length; i++) {
            total += work[i];
        }
        return total;
    }

    private static CircuitException asCircuitException(WorkerGroup.WorkerFailure f) {
        Throwable e = f.error();
        if (e instanceof CircuitException) {
            CircuitException ce = (CircuitException) e;
            return new CircuitException(ce.operator(), -1, f.worker(), ce.getCause());
        }
        return new CircuitException("circuit", -1, f.worker(), e);
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
    public void close() {
        if (shutdown) {
            return;
        }
        shutdown = true;
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
