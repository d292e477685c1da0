package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelEventSourceTest {

    private static final int EVENTS = 100_003;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().maxEvents(EVENTS).build();
    private static final Event[] EXPECTED = sequential(CONFIG);

    @AfterEach
    void noGeneratorThreadSurvives() {
        assertNoGeneratorThreads();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void mergedStreamIsTheSingleThreadStreamForEveryThreadCount(int threads) {
        long seed = System.nanoTime();
        System.out.println("ParallelEventSourceTest G = " + threads + " batch-size seed = " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int chunkSize : new int[] {1, 7, ParallelEventSource.DEFAULT_CHUNK_SIZE}) {
            try (ParallelEventSource source = ParallelEventSource.start(CONFIG, threads, chunkSize, 2)) {
                Event[] batch = new Event[5000];
                int k = 0;
                int n;
                while ((n = source.nextBatch(batch, 1 + random.nextInt(batch.length))) > 0) {
                    for (int i = 0; i < n; i++, k++) {
                        assertEquals(EXPECTED[k], batch[i],
                            "event " + k + " with G = " + threads + ", chunk " + chunkSize + ", seed " + seed);
                    }
                }
                assertEquals(EVENTS, k);
                assertEquals(0, source.nextBatch(batch));
            }
        }
    }

    @Test
    void splitStreamsMergeIdentically() {
        GeneratorConfig split = GeneratorConfig.builder().build().split(2, 3).toBuilder().maxEvents(20_000).build();
        Event[] expected = sequential(split);
        try (ParallelEventSource source = ParallelEventSource.start(split, 3)) {
            Event[] batch = new Event[20_000];
            assertEquals(20_000, source.nextBatch(batch));
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], batch[k], "event " + k);
            }
        }
    }

    @Test
    void closingEarlyStopsEveryGeneratorThread() {
        GeneratorConfig unbounded = GeneratorConfig.defaults();
        try (ParallelEventSource source = ParallelEventSource.start(unbounded, 4, 64, 2)) {
            Event[] batch = new Event[1000];
            assertEquals(1000, source.nextBatch(batch));
            assertTrue(generatorThreads().size() >= 1);
        }
        assertNoGeneratorThreads();
        ParallelEventSource neverRead = ParallelEventSource.start(unbounded, 3);
        neverRead.close();
        neverRead.close();
        assertNoGeneratorThreads();
        assertEquals(0, neverRead.nextBatch(new Event[10]));
    }

    @Test
    void anExceptionInAGeneratorThreadReachesTheConsumer() {
        RuntimeException injected = new RuntimeException("injected failure at event 5000");
        try (ParallelEventSource source = ParallelEventSource.start(CONFIG, 3, 100, 2, k -> {
            if (k == 5000) {
                throw injected;
            }
        })) {
            Event[] batch = new Event[1000];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                while (source.nextBatch(batch) > 0) {
                    // drain until the failure surfaces
                }
            });
            assertSame(injected, e.getCause());
            assertTrue(e.getMessage().contains("nexmark-generator-2"), e.getMessage());
        }
    }

    @Test
    void rejectsReferenceModeAndBadCounts() {
        GeneratorConfig reference = CONFIG.toBuilder().rngMode(RngMode.REFERENCE).build();
        assertEquals("rngMode = REFERENCE is invalid for parallel generation: must be PER_EVENT",
            assertThrows(IllegalArgumentException.class, () -> ParallelEventSource.start(reference, 2)).getMessage());
        assertEquals("threads = 0 is invalid: must be >= 1",
            assertThrows(IllegalArgumentException.class, () -> ParallelEventSource.start(CONFIG, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelEventSource.start(CONFIG, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ParallelEventSource.start(CONFIG, 1, 1, 0));
        assertFalse(Thread.currentThread().getName().startsWith("nexmark-generator-"));
    }

    private static Event[] sequential(GeneratorConfig config) {
        NexmarkGenerator gen = NexmarkGenerator.create(config);
        Event[] events = new Event[(int) config.maxEvents()];
        assertEquals(events.length, gen.nextBatch(events));
        return events;
    }

    private static List<Thread> generatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("nexmark-generator-") && t.isAlive())
            .toList();
    }

    private static void assertNoGeneratorThreads() {
        assertEquals(List.of(), generatorThreads(), "generator threads still alive");
    }
}
