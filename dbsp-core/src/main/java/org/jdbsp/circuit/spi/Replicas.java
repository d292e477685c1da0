package org.jdbsp.circuit.spi;

import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * The instances of one object made by the calls of a circuit's build function, one per worker (see
 * {@link Workers#replicas}). Complete once the circuit is built; read it only between steps.
 *
 * @param <T> the type of the object
 */
public final class Replicas<T> {
    private final Object[] instances;
    private final BooleanSupplier stepRunning;

    /** A handle over {@code instances}, filled in by worker index as the workers' circuits are built. */
    public Replicas(Object[] instances) {
        this(instances, () -> false);
    }

    /** As {@link #Replicas(Object[])}, for workers that may be running a step when {@code stepRunning} says so. */
    public Replicas(Object[] instances, BooleanSupplier stepRunning) {
        this.instances = instances;
        this.stepRunning = stepRunning;
    }

    /**
     * Throws {@link IllegalStateException} if the workers are running a step: for readers that combine what
     * several workers hold, which is only consistent between steps (not, say, from an inspector).
     */
    public void requireBetweenSteps(String what) {
        if (stepRunning.getAsBoolean()) {
            throw new IllegalStateException(what + " can only be read between steps, not while the workers run one"
                    + " (for example from an inspector)");
        }
    }

    /** The number of workers. */
    public int count() {
        return instances.length;
    }

    /** The instance of worker {@code worker}. */
    @SuppressWarnings("unchecked")
    public T get(int worker) {
        return (T) instances[worker];
    }

    /** The sum of {@code f} over every worker's instance (for counters kept per worker). */
    public long sum(ToLongFunction<? super T> f) {
        long total = 0;
        for (int i = 0; i < instances.length; i++) {
            total = Math.addExact(total, f.applyAsLong(get(i)));
        }
        return total;
    }
}
