package org.jdbsp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(60)
class CircuitTestDriverTest {
    record Io(ZSetInput<Long> numbers, ZSetOutput<Long> evens, ZSetOutput<Long> local) {}

    /**
     * A deliberately wrong operator: each worker emits how many records its own slice of the input holds,
     * so its result depends on the number of workers (it reads an unsharded stream as if it were whole).
     */
    static final class LocalCount implements UnaryOperator {
        @Override
        public Batch apply(Batch input) {
            BatchBuilder out = new BatchBuilder(Layout.LONGS);
            if (input.size > 0) {
                out.addLong(input.size, 1);
            }
            return out.build();
        }
    }

    private static Io circuit(org.jdbsp.circuit.CircuitBuilder b) {
        ZSetInput<Long> numbers = b.longZSetInput("numbers");
        ZSetStream<Long> evens = numbers.stream().filter(x -> x % 2 == 0);
        ZSetStream<Long> local = Wiring.addStream("local count", new LocalCount(), Layout.LONGS, Placement.ANY, numbers.stream());
        return new Io(numbers, evens.output(), local.output());
    }

    private static void pushFour(Io io) {
        for (long x = 1; x <= 4; x++) {
            io.numbers().pushLong(x, 1);
        }
    }

    @Test
    void checksEachStepsChangeAndTheIntegralAndNamesTheStepThatIsWrong() {
        try (CircuitTestDriver<Io> d = CircuitTestDriver.start(CircuitTestDriverTest::circuit)) {
            d.push(CircuitTestDriverTest::pushFour).step();
            d.expectDelta("evens", Io::evens, ZSets.longs(2, 1, 4, 1));
            d.push(io -> io.numbers().pushLong(2, -1)).step();
            d.expectDelta("evens", Io::evens, ZSets.longs(2, -1));
            d.expectIntegral("evens", Io::evens, ZSets.longs(4, 1));
            assertEquals(2, d.steps());
            ZSetAssertionError e = assertThrows(ZSetAssertionError.class, () -> d.expectDelta("evens", Io::evens, ZSets.longs(2, 1)));
            assertEquals("change of 'evens' at step 2: Z-sets differ, expected 1 record, actual 1\n"
                    + "  weight:  2 expected x1, actual x-1", e.getMessage());
            e = assertThrows(ZSetAssertionError.class, () -> d.expectIntegral("evens", Io::evens, ZSets.longs(4, 1, 6, 1)));
            assertEquals("integral of 'evens' at step 2: Z-sets differ, expected 2 records, actual 1\n  missing: 6 x1", e.getMessage());
        }
    }

    @Test
    void aRightOperatorGivesTheSameStepsOnEveryWorkerCount() {
        try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(CircuitTestDriverTest::circuit)) {
            d.watch("evens", Io::evens);
            assertEquals(List.of(1, 2, 4), d.workerCounts());
            d.push(CircuitTestDriverTest::pushFour).step();
            d.push(io -> io.numbers().pushLong(4, -1)).step().step();
            d.expectIntegral("evens", Io::evens, ZSets.longs(2, 1));
            ZSetAssertionError e = assertThrows(ZSetAssertionError.class, () -> d.expectDelta("evens", Io::evens, ZSets.longs(8, 1)));
            assertEquals("change of 'evens' at step 3 on 1 worker: Z-sets differ, expected 1 record, actual 0\n  missing: 8 x1",
                    e.getMessage());
        }
    }

    @Test
    void anOperatorWhoseResultDependsOnTheWorkerCountIsReported() {
        try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(CircuitTestDriverTest::circuit)) {
            d.watch("evens", Io::evens).watch("local", Io::local);
            d.step();   // nothing pushed: every worker count agrees
            ZSetAssertionError e = assertThrows(ZSetAssertionError.class, () -> d.push(CircuitTestDriverTest::pushFour).step());
            assertEquals("change of 'local' at step 2 on 2 workers (expected: as on 1 worker): Z-sets differ, "
                    + "expected 1 record, actual 1\n  missing: 4 x1\n  extra:   2 x2", e.getMessage());
        }
    }

    @Test
    void countersAndListsAreComparedToo() {
        AtomicLong calls = new AtomicLong();
        try (CircuitTestDriver<Io> d = CircuitTestDriver.builder().workers(1, 2).start(CircuitTestDriverTest::circuit)) {
            d.watch("outputs", io -> List.of(io.evens(), (java.util.function.LongSupplier) calls::incrementAndGet));
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> d.step());
            assertEquals("'outputs[1]' at step 1 on 2 workers (expected: as on 1 worker): expected 1, actual 2", e.getMessage());
        }
    }

    @Test
    void severalWorkerCountsWithNothingWatchedIsRefused() {
        try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(CircuitTestDriverTest::circuit)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, d::step);
            assertEquals("the driver runs on [1, 2, 4] workers but watches no output: call watch(name, io -> io.output()) "
                    + "so that the steps are compared", e.getMessage());
            assertEquals(0, d.steps());
        }
    }

    /** Equal by id only, but ordered by id and label: an order finer than equals, which validation catches. */
    record Loose(long id, String label) implements Comparable<Loose> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Loose l && l.id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public int compareTo(Loose o) {
            int c = Long.compare(id, o.id);
            return c != 0 ? c : label.compareTo(o.label);
        }
    }

    record LooseIo(ZSetInput<Loose> in, ZSetOutput<Loose> out) {}

    private static LooseIo loose(org.jdbsp.circuit.CircuitBuilder b) {
        ZSetInput<Loose> in = b.zsetInput("loose");
        return new LooseIo(in, in.stream().output());
    }

    private static void pushLoose(LooseIo io) {
        io.in().push(new Loose(1, "a"), 1);
        io.in().push(new Loose(1, "b"), 1);
    }

    @Test
    void validationOfUserTypesIsOnByDefaultAndCanBeTurnedOff() {
        try (CircuitTestDriver<LooseIo> d = CircuitTestDriver.start(CircuitTestDriverTest::loose)) {
            CircuitException e = assertThrows(CircuitException.class, () -> d.push(CircuitTestDriverTest::pushLoose).step());
            assertTrue(e.getMessage().contains("consistent with equals, not finer"), e.getMessage());
        }
        try (CircuitTestDriver<LooseIo> d = CircuitTestDriver.builder().workers(1).validation(false).start(CircuitTestDriverTest::loose)) {
            d.push(CircuitTestDriverTest::pushLoose).step();
            assertEquals(2, d.io().out().delta().size(), "unchecked, the two equal records stay apart");
        }
    }
}
