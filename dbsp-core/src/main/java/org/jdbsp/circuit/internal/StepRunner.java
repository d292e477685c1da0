package org.jdbsp.circuit.internal;

/** Runs the steps of a built circuit, on the calling thread alone or with worker threads. */
public interface StepRunner {
    /** Runs one step; returns the work done (tuples produced by all operators of all workers). */
    long run();

    /** Tuples of state held by all operators of all workers. */
    long stateTuples();

    /** Ends every thread this runner started; idempotent. */
    void close();

    /** The number of workers (replicas) this runner runs. */
    int workers();

    /** The executor of worker {@code worker}'s replica; read its counters and state only between steps. */
    Executor executor(int worker);
    /** The executors of the workers, worker {@code i} at index {@code i} (read and written only between steps). */
    Executor[] executors();

    /** The runner of a circuit with one worker: runs the executor on the calling thread. */
    static StepRunner onCallingThread(Executor executor) {
        return new StepRunner() {
            @Override
            public long run() {
                return executor.run();
            }

            @Override
            public long stateTuples() {
                return executor.stateTuples();
            }

            @Override
            public void close() {
                // no threads
            }

            @Override
            public int workers() {
                return 1;
            }

            @Override
            public Executor executor(int worker) {
                java.util.Objects.checkIndex(worker, 1);
                return executor;
            }

            @Override
            public Executor[] executors() {
                return new Executor[] {executor};
            }
        };
    }
}
