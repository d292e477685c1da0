package org.jdbsp.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A join keyed by a type whose hash code is random gives a different number of rows on every worker count
 * (100 on one worker, about 50 on two, 25 on four); in validation mode it fails the step naming the type and
 * the rule instead, while the same join keyed by a well-behaved type gives its 100 rows on every worker count.
 */
@Timeout(60)
class ContractJoinTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    record RandomKey(long id) {
        @Override
        public int hashCode() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    record GoodKey(long id) {}

    record Row(long left, long right) {}

    record Io(ZSetInput<Long> left, ZSetInput<Long> right, ZSetOutput<Row> rows) {}

    private static CircuitHandle<Io> join(int workers, boolean randomKey) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withValidation(true).withName("cj" + NAMES.incrementAndGet());
        return Circuit.build(config, b -> {
            ZSetInput<Long> left = b.zsetInput("left");
            ZSetInput<Long> right = b.zsetInput("right");
            ZSetStream<Row> rows = Joins.join(
                    left.stream().index(id -> randomKey ? new RandomKey(id) : new GoodKey(id), id -> id),
                    right.stream().index(id -> randomKey ? new RandomKey(id) : new GoodKey(id), id -> id),
                    (l, r) -> new Row(l, r));
            return new Io(left, right, rows.output());
        });
    }

    private static void push(CircuitHandle<Io> h) {
        for (long i = 0; i < 100; i++) {
            h.io().left().push(i, 1);
            h.io().right().push(i, 1);
        }
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void aJoinKeyedByARandomHashFailsInValidationMode(int workers) {
        try (CircuitHandle<Io> h = join(workers, true)) {
            push(h);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertTrue(e.getMessage().contains(RandomKey.class.getName()) && e.getMessage().contains("not deterministic"),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void aJoinKeyedByAWellBehavedTypePassesInValidationMode(int workers) {
        try (CircuitHandle<Io> h = join(workers, false)) {
            push(h);
            h.step();
            assertEquals(100, h.io().rows().delta().size());
        }
    }
}
