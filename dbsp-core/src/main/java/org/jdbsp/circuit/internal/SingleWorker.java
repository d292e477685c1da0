package org.jdbsp.circuit.internal;

import java.util.Collections;
import java.util.List;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.circuit.spi.Workers;

/** The {@link Workers} of a circuit run by one thread: every collective operation returns its argument. */
public final class SingleWorker implements Workers {
    /** The one instance. */
    public static final SingleWorker INSTANCE = new SingleWorker();

    private SingleWorker() {}

    @Override
    public int count() {
        return 1;
    }

    @Override
    public int index() {
        return 0;
    }

    @Override
    public <T> List<T> gather(T value) {
        return Collections.singletonList(value);
    }

    @Override
    public void maxAcross(long[] values) {
        // one worker: its values are the maxima
    }

    @Override
    public boolean allAcross(boolean value) {
        return value;
    }

    @Override
    public <T> Replicas<T> replicas(T local) {
        return new Replicas<>(new Object[] {local});
    }
}
