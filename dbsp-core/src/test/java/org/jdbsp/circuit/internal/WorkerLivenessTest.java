package org.jdbsp.circuit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.CircuitState;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No worker thread can hang the caller or burn CPU: a dead worker fails the step within a bounded time, an
 * interrupted thread does not spin, and idle workers sleep. CPU is measured per thread (ThreadMXBean), with
 * bounds far above what a sleeping thread uses and far below what a spinning one does.
 */
class WorkerLivenessTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final long MEASURE_MS = 1_500;

    record Io(ZSetInput<Long> in, ZSetOutput<Long> out) {}

    private static String name(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    /** A circuit whose output gathers on worker 0 (a meeting), or, without {@code meeting}, one without any. */
    private static CircuitHandle<Io> circuit(String name, int workers, boolean meeting) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName(name), b -> {
            ZSetInput<Long> in = b.longZSetInput("n");
            if (!meeting) {
                in.stream().map(x -> x + 1);
                return new Io(in, null);
            }
            return new Io(in, in.stream().shard().map(x -> x + 1).output());
        });
    }

    private static List<Thread> workerThreads(String circuit) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jdbsp-worker-" + circuit + "-") && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    private static long cpuNanos(List<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : threads) {
            long n = mx.getThreadCpuTime(t.getId());
            total += Math.max(0, n);
        }
        return total;
    }

    /** CPU used by {@code threads} over {@link #MEASURE_MS} of wall time, in ms. */
    private static long cpuMillisOver(List<Thread> threads) throws InterruptedException {
        return cpuMillisOver(threads, MEASURE_MS);
    }

    /** CPU used by {@code threads} over {@code wallMillis}, in ms. */
    private static long cpuMillisOver(List<Thread> threads, long wallMillis) throws InterruptedException {
        long before = cpuNanos(threads);
        Thread.sleep(wallMillis);
        return TimeUnit.NANOSECONDS.toMillis(cpuNanos(threads) - before);
    }

    /** Kills worker {@code victim} of {@code circuit} when armed, before its step; with {@code silently}, also its dying words. */
    private static void injectDeath(String circuit, int victim, AtomicBoolean armed, boolean silently) {
        WorkerPool.faultHook = (c, worker, point) -> {
            if (c.equals(circuit) && worker == victim && armed.get()
                    && (point == WorkerPool.FaultPoint.BEFORE_STEP || silently)) {
                throw new InjectedDeath(point);
            }
        };
    }

    /** The error that kills a worker thread in these tests. */
    static final class InjectedDeath extends Error {
        private static final long serialVersionUID = 1L;

        InjectedDeath(WorkerPool.FaultPoint point) {
            super("injected at " + point);
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {2, 4})
    void aWorkerDyingSilentlyFailsTheStepWhileWorkerZeroWaitsInAMeeting(int workers) {
        deadWorkerFailsTheStep(workers, true, true);
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {2, 4})
    void aWorkerDyingSilentlyFailsTheStepWhileTheCallerWaitsForTheEndOfTheStep(int workers) {
        deadWorkerFailsTheStep(workers, false, true);
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {2, 4})
    void aWorkerDyingOfAnErrorOutsideAnyOperatorReportsIt(int workers) {
        deadWorkerFailsTheStep(workers, true, false);
    }

    private static void deadWorkerFailsTheStep(int workers, boolean meeting, boolean silently) {
        String name = name("dying");
        int victim = workers - 1;
        AtomicBoolean armed = new AtomicBoolean();
        injectDeath(name, victim, armed, silently);
        try {
            assertTimeoutPreemptively(BOUND, () -> {
                CircuitHandle<Io> h = circuit(name, workers, meeting);
                for (long x = 0; x < 100; x++) {
                    h.io().in().pushLong(x, 1);
                }
                h.step();
                armed.set(true);
                h.io().in().pushLong(1_000, 1);
                CircuitException e = assertThrows(CircuitException.class, h::step);
                assertEquals(victim, e.worker(), e.getMessage());
                assertEquals(2, e.step());
                assertEquals("worker thread", e.operator());
                assertTrue(e.getMessage().contains("jdbsp-worker-" + name + "-" + victim) && e.getMessage().contains("died"),
                        e.getMessage());
                if (!silently) {
                    assertTrue(e.getCause().getCause() instanceof InjectedDeath, "the error that killed it is the cause: " + e);
                }
                assertEquals(CircuitState.FAILED, h.state());
                assertSame(e, assertThrows(IllegalStateException.class, h::step).getCause());
                assertEquals(List.of(), workerThreads(name), "the other worker threads have ended");
                h.close();
            });
        } finally {
            WorkerPool.faultHook = null;
        }
    }

    @Test
    void anInterruptedIdleWorkerDoesNotSpinAndTheCircuitGoesOn() throws Exception {
        String name = name("interrupted");
        assertTimeoutPreemptively(BOUND, () -> {
            try (CircuitHandle<Io> h = circuit(name, 2, true)) {
                h.io().in().pushLong(1, 1);
                h.step();
                List<Thread> worker = workerThreads(name);
                assertEquals(1, worker.size());
                worker.get(0).interrupt();
                Thread.sleep(200);
                long cpu = cpuMillisOver(worker);
                assertTrue(cpu < 150, "an interrupted idle worker used " + cpu + " ms of CPU in " + MEASURE_MS + " ms");
                h.io().in().pushLong(2, 1);
                h.step();
                assertEquals(Map.of(2L, 1L, 3L, 1L), h.io().out().integral().toMap());
                assertTrue(worker.get(0).isAlive());
            }
        });
    }

    @Test
    void theSteppingThreadInterruptedDuringAStepWaitsWithoutSpinningAndKeepsItsInterrupt() throws Exception {
        String name = name("caller");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        assertTimeoutPreemptively(BOUND, () -> {
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(2).withName(name), b -> {
                ZSetInput<Long> in = b.longZSetInput("n");
                // one record: worker 1's slice; worker 0 (the caller) waits for it at the output's gather
                return new Io(in, in.stream().map(x -> {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return x;
                }).output());
            })) {
                h.io().in().pushLong(5, 1);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                AtomicBoolean interruptedAfter = new AtomicBoolean();
                Thread stepper = new Thread(() -> {
                    try {
                        h.step();
                        interruptedAfter.set(Thread.currentThread().isInterrupted());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }, "interrupted-stepper");
                stepper.start();
                assertTrue(entered.await(20, TimeUnit.SECONDS));
                stepper.interrupt();
                Thread.sleep(200);
                long cpu = cpuMillisOver(List.of(stepper));
                release.countDown();
                stepper.join();
                assertNull(failure.get(), () -> "the step failed: " + failure.get());
                assertTrue(cpu < 150, "the interrupted stepping thread used " + cpu + " ms of CPU in " + MEASURE_MS + " ms of waiting");
                assertTrue(interruptedAfter.get(), "the caller's interrupt status is kept");
                assertEquals(Map.of(5L, 1L), h.io().out().integral().toMap());
            }
        });
    }

    @Test
    void idleWorkersSleepUntilTheNextStep() throws Exception {
        String name = name("idle");
        assertTimeoutPreemptively(BOUND, () -> {
            // polling every millisecond costs each worker about 2 ms of CPU per second even on an idle machine
            try (CircuitHandle<Io> h = circuit(name, 32, true)) {
                h.io().in().pushLong(1, 1);
                h.step();
                List<Thread> workers = workerThreads(name);
                assertEquals(31, workers.size());
                Thread.sleep(200);
                long cpu = cpuMillisOver(workers, 2_000);
                assertTrue(cpu < 25, "31 idle workers used " + cpu + " ms of CPU in 2 s");
                // and wake up for the next step
                h.io().in().pushLong(2, 1);
                h.step();
                assertEquals(Map.of(2L, 1L, 3L, 1L), h.io().out().integral().toMap());
            }
        });
    }
}
