package org.jdbsp.circuit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The liveness check of a waiting worker ("another worker's thread died") takes only a thread that has ended for
 * dead: a worker whose thread is registered but not started yet keeps the others waiting, it does not fail the step.
 */
class WorkerDeathCheckTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aWorkerWhoseThreadHasNotStartedYetIsNotTakenForDead() throws InterruptedException {
        WorkerGroup group = new WorkerGroup(2, "late-start");
        AtomicReference<Throwable> error = new AtomicReference<>();
        Object[][] received = new Object[2][];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            threads[i] = new Thread(() -> {
                try {
                    group.worker(me).send(1 - me, "from " + me);
                    received[me] = group.worker(me).receive();
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                }
            }, "late-start-" + i);
            group.setThread(i, threads[i]);
        }
        threads[0].start();
        // worker 0 waits well past its first liveness checks (the first comes after about 40 ms of waiting)
        Thread.sleep(1_500);
        threads[1].start();
        threads[0].join();
        threads[1].join();
        assertNull(error.get(), () -> "a worker failed: " + error.get());
        assertArrayEquals(new Object[] {"from 1"}, received[0]);
        assertArrayEquals(new Object[] {"from 0"}, received[1]);
    }
}
