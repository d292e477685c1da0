package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker count is limited to what can work: counts above {@link CircuitConfig#MAX_WORKERS} are refused, the limit runs. */
class WorkerCountTest {
    record Io(ZSetInput<Long> in, ZSetOutput<Long> out) {}

    @Test
    void workerCountsAboveTheLimitAreRefusedNamingIt() {
        for (int w : new int[] {257, 1_000, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CircuitConfig.defaults().withWorkers(w));
            assertTrue(e.getMessage().contains("workers = " + w) && e.getMessage().contains("between 1 and 256")
                    && e.getMessage().contains("MAX_WORKERS"), e.getMessage());
        }
        assertEquals(256, CircuitConfig.MAX_WORKERS);
    }

    @Test
    void theLargestWorkerCountBuildsStepsAndCloses() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            CircuitConfig config = CircuitConfig.defaults().withWorkers(CircuitConfig.MAX_WORKERS).withName("most-workers");
            try (CircuitHandle<Io> h = Circuit.build(config, b -> {
                ZSetInput<Long> in = b.longZSetInput("n");
                return new Io(in, in.stream().shard().map(x -> x * 2).output());
            })) {
                Map<Long, Long> expected = new HashMap<>();
                for (long x = 0; x < 1_000; x++) {
                    h.io().in().pushLong(x, 1);
                    expected.put(2 * x, 1L);
                }
                h.step();
                assertEquals(expected, h.io().out().integral().toMap());
            }
        });
    }
}
