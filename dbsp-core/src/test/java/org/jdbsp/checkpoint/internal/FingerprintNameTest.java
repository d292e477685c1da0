package org.jdbsp.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's {@link org.jdbsp.circuit.spi.Operator#fingerprintName()}: a checkpoint written by an operator class
 * restores into another class giving the same name (a renamed or merged operator), with its state; a class giving
 * another name is refused as before; a name that would break the fingerprint's lines is refused naming the class.
 */
@Timeout(60)
class FingerprintNameTest {
    /** Counts the tuples it has seen; saves the count. */
    static class Counting implements UnaryOperator {
        long seen;

        @Override
        public Batch apply(Batch input) {
            seen += input.size;
            return input;
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeLong(seen);
        }

        @Override
        public void restore(StateReader in) {
            seen = in.readLong();
        }

        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.ON_WORKER_ZERO;
        }
    }

    /** Another class that restores what {@link Counting} saved: it gives Counting's name. */
    static final class RenamedCounting extends Counting {
        @Override
        public String fingerprintName() {
            return Counting.class.getName();
        }
    }

    /** Another class that keeps its own name. */
    static final class OtherCounting extends Counting {}

    /** A name with a space, which would break the fingerprint's lines. */
    static final class SpacedCounting extends Counting {
        @Override
        public String fingerprintName() {
            return "my counting";
        }
    }

    @TempDir
    Path dir;

    private CircuitConfig config() {
        return CircuitConfig.defaults().withWorkers(1).withStorage(dir);
    }

    private static Function<CircuitBuilder, Counting> build(Supplier<Counting> op) {
        return b -> {
            ZSetInput<Long> in = b.longZSetInput("in");
            Counting c = op.get();
            Wiring.<Long>addStream("counting", c, Layout.LONGS, in.stream()).output();
            return c;
        };
    }

    @Test
    void aCheckpointRestoresIntoAnotherClassGivingTheSameNameWithItsState() {
        try (CircuitHandle<ZSetInput<Long>> h = Circuit.build(config(), b -> {
            ZSetInput<Long> in = b.longZSetInput("in");
            Wiring.<Long>addStream("counting", new Counting(), Layout.LONGS, in.stream()).output();
            return in;
        })) {
            h.io().push(1L, 1);
            h.io().push(2L, 1);
            h.io().push(3L, 1);
            h.step();
            h.checkpoint();
        }
        Counting[] restored = new Counting[1];
        try (CircuitHandle<Counting> h = Circuit.restore(config(), b -> restored[0] = build(RenamedCounting::new).apply(b))) {
            assertEquals(1, h.steps());
        }
        assertTrue(restored[0] instanceof RenamedCounting);
        assertEquals(3, restored[0].seen, "the state the old class saved");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Circuit.restore(config(), build(OtherCounting::new)::apply).close());
        assertTrue(e.getMessage().contains("differs") && e.getMessage().contains(OtherCounting.class.getName()), e.getMessage());
    }

    @Test
    void aNameWithWhitespaceIsRefusedNamingTheClass() {
        try (CircuitHandle<Counting> h = Circuit.build(config(), build(SpacedCounting::new)::apply)) {
            h.step();
            RuntimeException e = assertThrows(RuntimeException.class, h::checkpoint);
            assertTrue(e.getMessage().contains(SpacedCounting.class.getName()) && e.getMessage().contains("whitespace"),
                    e.getMessage());
        }
    }
}
