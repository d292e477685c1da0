package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A circuit is driven by one thread at a time: a call from another thread while a step runs (or a push runs)
 * is refused with an {@link IllegalStateException}, and nothing is lost or half-applied.
 */
class ThreadingContractTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final long BLOCK = -1;

    /** One input of every kind, each with an output keeping its integral. */
    record Io(ZSetInput<Long> longs, ZSetOutput<Long> longsOut, ZSetInput<Long> objects, ZSetOutput<Long> objectsOut,
              IndexedZSetInput<Long, Long> pairs, IndexedZSetOutput<Long, Long> pairsOut,
              SplitInput<Object> split, ZSetOutput<Long> splitLongs, ZSetOutput<String> splitStrings) {}

    private static CircuitHandle<Io> circuit(int workers, CountDownLatch entered, CountDownLatch release) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withName("threads" + NAMES.incrementAndGet());
        return Circuit.build(config, b -> {
            ZSetInput<Long> longs = b.longZSetInput("longs");
            ZSetStream<Long> blocking = longs.stream().map(x -> {
                if (x == BLOCK) {
                    entered.countDown();
                    awaitQuietly(release);
                }
                return x;
            }).named("blocking map");
            ZSetInput<Long> objects = b.zsetInput("objects");
            IndexedZSetInput<Long, Long> pairs = b.indexedInput("pairs", Layout.longToLongs());
            SplitInput<Object> split = b.splitInput("mixed");
            ZSetStream<Long> splitLongs = split.part(Long.class);
            ZSetStream<String> splitStrings = split.part(String.class);
            return new Io(longs, blocking.output(), objects, objects.stream().output(), pairs, pairs.stream().output(),
                    split, splitLongs.output(), splitStrings.output());
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the step");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void everyCallFromAnotherThreadDuringAStepIsRefusedAndChangesNothing(int workers) {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CircuitHandle<Io> h = circuit(workers, entered, release);
            Io io = h.io();
            io.longs().pushLong(BLOCK, 1);
            AtomicReference<Throwable> stepFailure = new AtomicReference<>();
            Thread stepper = new Thread(() -> {
                try {
                    h.step();
                } catch (Throwable t) {
                    stepFailure.set(t);
                }
            }, "stepper-" + workers);
            stepper.start();
            assertTrue(entered.await(60, TimeUnit.SECONDS), "the step reached the blocking map");

            String during = "while a step is running on thread " + stepper.getName();
            List<Executable> calls = List.of(
                    () -> io.longs().pushLong(1, 1),
                    () -> io.longs().push(2L),
                    () -> io.objects().push(3L, 1),
                    () -> io.objects().pushAll(List.of(4L, 5L)),
                    () -> io.objects().pushAll(ZSet.of(6L)),
                    () -> io.pairs().push(7L, 70L, 1),
                    () -> io.split().push(8L),
                    () -> io.split().push("nine", 1),
                    () -> io.split().pushAll(new Object[] {10L, "eleven"}, 0, 2),
                    () -> io.longsOut().delta(),
                    () -> io.longsOut().integral(),
                    () -> io.pairsOut().integral(),
                    h::step,
                    h::close,
                    h::stateTuples);
            for (int c = 0; c < calls.size(); c++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, calls.get(c), "call " + c);
                assertTrue(e.getMessage().contains(during) && e.getMessage().contains("one thread at a time"),
                        "call " + c + ": " + e.getMessage());
            }
            assertEquals(CircuitState.RUNNING, h.state());
            release.countDown();
            stepper.join();
            assertNull(stepFailure.get(), () -> "the step failed: " + stepFailure.get());
            assertEquals(1, h.steps());

            assertEquals(Map.of(BLOCK, 1L), io.longsOut().integral().toMap(), "no refused push reached the step");
            assertTrue(io.objectsOut().integral().isEmpty() && io.pairsOut().integral().isEmpty()
                    && io.splitLongs().integral().isEmpty() && io.splitStrings().integral().isEmpty());
            // the refused pushes left nothing behind either: the next step sees only what is pushed now
            io.objects().push(3L);
            io.split().pushAll(new Object[] {10L, "eleven"}, 0, 2);
            h.step();
            assertEquals(Map.of(3L, 1L), io.objectsOut().integral().toMap());
            assertEquals(Map.of(10L, 1L), io.splitLongs().integral().toMap());
            assertEquals(Map.of("eleven", 1L), io.splitStrings().integral().toMap());
            h.close();
            assertEquals(CircuitState.CLOSED, h.state());
        });
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void aStepOrACloseFromInsideAStepIsRefused(int workers) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            AtomicReference<CircuitHandle<?>> self = new AtomicReference<>();
            List<String> refusals = new ArrayList<>();
            record Io2(ZSetInput<Long> in, ZSetOutput<Long> out) {}
            CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withName("reentry" + NAMES.incrementAndGet());
            try (CircuitHandle<Io2> h = Circuit.build(config, b -> {
                ZSetInput<Long> in = b.longZSetInput("n");
                // inspectors run on the stepping thread (worker 0)
                in.stream().inspect(z -> {
                    for (Executable call : List.<Executable>of(() -> self.get().step(), () -> self.get().close())) {
                        try {
                            call.execute();
                        } catch (IllegalStateException e) {
                            refusals.add(e.getMessage());
                        } catch (Throwable t) {
                            refusals.add("unexpected " + t);
                        }
                    }
                });
                return new Io2(in, in.stream().output());
            })) {
                self.set(h);
                h.io().in().pushLong(1, 1);
                h.step();
                assertEquals(2, refusals.size(), refusals.toString());
                for (String m : refusals) {
                    assertTrue(m.contains("from inside a step"), m);
                }
                assertEquals(CircuitState.RUNNING, h.state());
                h.io().in().pushLong(2, 1);
                h.step();
                assertEquals(Map.of(1L, 1L, 2L, 1L), h.io().out().integral().toMap());
            }
        });
    }

    /**
     * One thread steps in a loop while another pushes numbered records into every kind of input: each record
     * is either refused with the exception or found, once, in the integral.
     */
    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void aPushRacingWithStepsIsRefusedOrLandsWhole(int workers) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            CountDownLatch never = new CountDownLatch(0);
            CircuitHandle<Io> h = circuit(workers, never, never);
            Io io = h.io();
            int kinds = 5;
            List<Map<Long, Long>> accepted = new ArrayList<>();
            for (int k = 0; k < kinds; k++) {
                accepted.add(new HashMap<>());
            }
            AtomicBoolean pushing = new AtomicBoolean(true);
            AtomicLong steps = new AtomicLong();
            AtomicLong refusedSteps = new AtomicLong();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            Thread stepper = new Thread(() -> {
                while (pushing.get() && unexpected.get() == null) {
                    try {
                        h.step();
                        steps.incrementAndGet();
                    } catch (IllegalStateException e) {
                        if (!e.getMessage().contains("one thread at a time")) {
                            unexpected.set(e);
                        }
                        refusedSteps.incrementAndGet();
                    } catch (Throwable t) {
                        unexpected.set(t);
                    }
                    // leave the pusher some gaps between steps
                    LockSupport.parkNanos(20_000);
                }
            }, "racing-stepper");
            stepper.start();
            long refusedPushes = 0;
            long acceptedPushes = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long id = 0;
            while (unexpected.get() == null && System.nanoTime() < deadline
                    && (refusedPushes < 200 || acceptedPushes < 200 || steps.get() < 50)) {
                int kind = (int) (id % kinds);
                long first = id;
                int count = kind == 4 ? 3 : 1;
                id += count;
                try {
                    switch (kind) {
                        case 0 -> io.longs().pushLong(first, 1);
                        case 1 -> io.objects().push(first);
                        case 2 -> io.pairs().push(first, first, 1);
                        case 3 -> io.split().push(first);
                        default -> io.split().pushAll(new Object[] {first, first + 1, first + 2}, 0, 3);
                    }
                    for (long r = first; r < first + count; r++) {
                        accepted.get(kind == 4 ? 3 : kind).put(r, 1L);
                    }
                    acceptedPushes++;
                } catch (IllegalStateException e) {
                    if (!e.getMessage().contains("one thread at a time")) {
                        unexpected.set(e);
                    }
                    refusedPushes++;
                } catch (Throwable t) {
                    unexpected.set(t);
                }
            }
            pushing.set(false);
            stepper.join();
            assertNull(unexpected.get(), () -> "unexpected: " + unexpected.get());
            assertEquals(CircuitState.RUNNING, h.state());
            assertTrue(refusedPushes > 0 && acceptedPushes > 0, "the race happened: " + refusedPushes + " pushes refused, "
                    + acceptedPushes + " accepted, " + steps.get() + " steps, " + refusedSteps.get() + " steps refused");
            h.step();
            assertEquals(accepted.get(0), io.longsOut().integral().toMap(), "long input");
            assertEquals(accepted.get(1), io.objectsOut().integral().toMap(), "object input");
            Map<Long, Long> pairs = new HashMap<>();
            io.pairsOut().integral().forEach((k, v, w) -> {
                assertEquals(k, v);
                pairs.merge(k, w, Long::sum);
            });
            assertEquals(accepted.get(2), pairs, "indexed input");
            assertEquals(accepted.get(3), io.splitLongs().integral().toMap(), "split input");
            h.close();
        });
    }
}
