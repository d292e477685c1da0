package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.internal.MemoryGuard;
import org.jdbsp.circuit.spi.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the old generation stays above the limit after a collection, the next step fails with a
 * {@link CircuitException} saying that memory is exhausted, naming the operators with the most state and
 * suggesting storage, on one worker and on several; once memory is fine again, circuits run.
 */
@Timeout(60)
class MemoryGuardTest {
    record Io(ZSetInput<Long> in, ZSetOutput<String> out) {}

    private static CircuitHandle<Io> distinctCircuit(int workers) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("guard" + workers), b -> {
            ZSetInput<Long> in = b.longZSetInput("numbers");
            ZSetStream<String> words = in.stream().map(x -> "w" + x).shard();
            return new Io(in, Wiring.<String>addStream("distinct", new TestOperators.Distinct(Wiring.integralTrace(words)),
                    words.layout(), Placement.SHARDED, words).integrate().output());
        });
    }

    /** Collects until the guard has heard that the old generation is above the limit (within 10 s). */
    private static void collectUntilSuspect() throws InterruptedException {
        for (int i = 0; i < 100 && MemoryGuard.exhaustion() == null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertNotNull(MemoryGuard.exhaustion(), "the JVM reported the old generation above the limit");
    }

    @AfterEach
    void restore() {
        MemoryGuard.setLimit(MemoryGuard.DEFAULT_LIMIT);
    }

    @Test
    void aStepFailsClearlyWhenTheOldGenerationStaysAboveTheLimit() throws InterruptedException {
        List<CircuitHandle<Io>> handles = new ArrayList<>();
        try {
            for (int w : new int[] {1, 2}) {
                CircuitHandle<Io> h = distinctCircuit(w);
                handles.add(h);
                for (long k = 0; k < 1_000; k++) {
                    h.io().in().push(k, 1);
                }
                h.step();
            }
            MemoryGuard.setLimit(1e-9);
            collectUntilSuspect();
            for (CircuitHandle<Io> h : handles) {
                h.io().in().push(5_000L, 1);
                CircuitException e = assertThrows(CircuitException.class, h::step);
                assertTrue(e.getCause() instanceof MemoryExhaustedException, "the cause says what happened: " + e.getCause());
                String m = e.getMessage();
                assertTrue(m.contains("memory is exhausted") && m.contains("withStorage") && m.contains("-Xmx")
                        && m.contains("largest state on this worker: '") && m.contains("'trace#") && m.contains(" tuples)"), m);
                assertEquals(CircuitState.FAILED, h.state());
            }
        } finally {
            handles.forEach(CircuitHandle::close);
        }
        MemoryGuard.setLimit(MemoryGuard.DEFAULT_LIMIT);
        try (CircuitHandle<Io> h = distinctCircuit(1)) {
            h.io().in().push(1L, 1);
            h.step();
            assertEquals(1, h.io().out().integral().size(), "below the limit, circuits run");
        }
    }

    /** An operator that keeps every record it sees as objects: it counts its tuples but not their bytes. */
    static final class KeepsRecords implements org.jdbsp.circuit.spi.UnaryOperator {
        private final List<Object> kept = new ArrayList<>();

        @Override
        public org.jdbsp.zset.spi.Batch apply(org.jdbsp.zset.spi.Batch delta) {
            for (int i = 0; i < delta.size; i++) {
                kept.add(delta.key(i));
            }
            return delta;
        }

        @Override
        public long stateTuples() {
            return kept.size();
        }

        @Override
        public boolean hasState() {
            return false;
        }

        @Override
        public org.jdbsp.circuit.spi.Operator fork() {
            return new KeepsRecords();
        }
    }

    @Test
    void anOperatorThatCountsTuplesButNotBytesIsNamedByItsTuples() throws InterruptedException {
        CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withName("guard-tuples"), b -> {
            ZSetInput<Long> in = b.longZSetInput("numbers");
            ZSetStream<String> words = in.stream().map(x -> "w" + x).shard();
            return new Io(in, Wiring.<String>addStream("keeper", new KeepsRecords(), words.layout(), Placement.SHARDED, words)
                    .output());
        });
        try {
            for (long k = 0; k < 1_000; k++) {
                h.io().in().push(k, 1);
            }
            h.step();
            MemoryGuard.setLimit(1e-9);
            collectUntilSuspect();
            h.io().in().push(5_000L, 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            String m = e.getMessage();
            assertTrue(m.contains("largest state on this worker: '") && m.contains("'keeper#") && m.contains("' 1,000 tuples (size not estimated)"), m);
        } finally {
            MemoryGuard.setLimit(MemoryGuard.DEFAULT_LIMIT);
            h.close();
        }
    }
}
