package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arrival order as data: {@link SequencedInput} and the sequenced parts of a {@link SplitInput} stamp each
 * record with the position of its push, the same for every number of workers and every cut into steps;
 * deletions name the stamped record; bad pushes and exhausted positions are refused and apply nothing.
 */
@Timeout(60)
class ArrivalOrderTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    sealed interface Shape permits Circle, Square {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    record SeqIo(SequencedInput<String> in, ZSetOutput<Sequenced<String>> out) {}

    record SplitIo(SplitInput<Shape> in, ZSetOutput<Sequenced<Circle>> circles, ZSetOutput<Square> squares) {}

    private static CircuitConfig config(int workers) {
        return CircuitConfig.defaults().withWorkers(workers).withName("arrival" + NAMES.incrementAndGet()).withValidation(true);
    }

    private static CircuitHandle<SeqIo> sequenced(int workers, long firstSeq) {
        return Circuit.build(config(workers), b -> {
            SequencedInput<String> in = b.sequencedInput("words", Orders.natural(), firstSeq);
            return new SeqIo(in, in.stream().output());
        });
    }

    private static CircuitHandle<SplitIo> split(int workers, long firstPosition) {
        return Circuit.build(config(workers), b -> {
            SplitInput<Shape> in = b.splitInput("shapes", firstPosition);
            ZSetOutput<Square> squares = in.part(Square.class).output();
            ZSetOutput<Sequenced<Circle>> circles = in.sequencedPart(Circle.class).output();
            return new SplitIo(in, circles, squares);
        });
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void aSequencedInputStampsEachPushWithItsPosition(int workers) {
        try (CircuitHandle<SeqIo> h = sequenced(workers, 0)) {
            assertEquals(0, h.io().in().push("b"));
            assertEquals(1, h.io().in().push("a", 3));
            assertEquals(2, h.io().in().push("b"));
            h.step();
            assertEquals(Map.of(new Sequenced<>(0, "b"), 1L, new Sequenced<>(1, "a"), 3L, new Sequenced<>(2, "b"), 1L),
                    h.io().out().delta().toMap(), "equal records pushed apart keep apart, each with its own stamp");
            assertEquals(3, h.io().in().push("c"));
            h.step();
            assertEquals(Map.of(new Sequenced<>(3, "c"), 1L), h.io().out().delta().toMap(), "positions go on across steps");
        }
    }

    @Test
    void aDeletionNamesTheStampedRecordAndRemovesThatOneOnly() {
        try (CircuitHandle<SeqIo> h = sequenced(1, 0)) {
            long first = h.io().in().push("x");
            long second = h.io().in().push("x");
            h.step();
            h.io().in().pushStamped(new Sequenced<>(first, "x"), -1);
            h.step();
            assertEquals(Map.of(new Sequenced<>(first, "x"), -1L), h.io().out().delta().toMap());
            assertEquals(Map.of(new Sequenced<>(second, "x"), 1L), h.io().out().integral().toMap(), "the later copy stays");
            assertEquals(3, h.io().in().nextSeq(), "the deletion took a position too");
        }
    }

    @Test
    void aPushThatCannotBeStampedIsRefusedAndAppliesNothing() {
        try (CircuitHandle<SeqIo> h = sequenced(1, 0)) {
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> h.io().in().push("x", -1));
            assertTrue(negative.getMessage().contains("'words'") && negative.getMessage().contains("pushStamped"),
                    negative.getMessage());
            assertThrows(IllegalArgumentException.class, () -> h.io().in().push("x", 0));
            assertThrows(IllegalArgumentException.class, () -> h.io().in().push(null));
            IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                    () -> h.io().in().pushStamped(new Sequenced<>(0, "x"), -1));
            assertTrue(never.getMessage().contains("never stamped position 0"), never.getMessage());
            assertThrows(IllegalArgumentException.class, () -> h.io().in().pushStamped(new Sequenced<>(0, "x"), 0));
            assertEquals(0, h.io().in().nextSeq(), "refused pushes take no position");
            h.step();
            assertEquals(Map.of(), h.io().out().delta().toMap());
        }
    }

    @Test
    void positionsNeverWrapAround() {
        try (CircuitHandle<SeqIo> h = sequenced(1, Long.MAX_VALUE - 2)) {
            assertEquals(Long.MAX_VALUE - 2, h.io().in().push("a"));
            assertEquals(Long.MAX_VALUE - 1, h.io().in().push("b"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.io().in().push("c"));
            assertTrue(e.getMessage().contains("run out of arrival positions"), e.getMessage());
            h.step();
            assertEquals(Map.of(new Sequenced<>(Long.MAX_VALUE - 2, "a"), 1L, new Sequenced<>(Long.MAX_VALUE - 1, "b"), 1L),
                    h.io().out().delta().toMap());
        }
        try (CircuitHandle<SplitIo> h = split(2, Long.MAX_VALUE - 2)) {
            Shape[] three = {new Circle(1), new Circle(2), new Circle(3)};
            assertThrows(IllegalStateException.class, () -> h.io().in().pushAll(three, 0, 3));
            assertEquals(Long.MAX_VALUE - 2, h.io().in().pushAll(three, 0, 2));
            h.step();
            assertEquals(Map.of(new Sequenced<>(Long.MAX_VALUE - 2, new Circle(1)), 1L,
                    new Sequenced<>(Long.MAX_VALUE - 1, new Circle(2)), 1L), h.io().circles().delta().toMap());
        }
        assertThrows(IllegalArgumentException.class, () -> sequenced(1, -1));
    }

    /** Random pushes of both types; returns the stamped circles expected, by position in the whole push sequence. */
    private static List<Shape> randomShapes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // few distinct circles, so equal records arrive many times
            shapes.add(r.nextInt(3) == 0 ? new Square(r.nextInt(50)) : new Circle(r.nextInt(5)));
        }
        return shapes;
    }

    @Test
    void aSequencedPartStampsThePositionInTheWholeStreamForEveryWorkerCountAndStepSize() {
        long seed = System.nanoTime();
        List<Shape> shapes = randomShapes(seed, 3_000);
        Map<Sequenced<Circle>, Long> expected = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i) instanceof Circle c) {
                expected.put(new Sequenced<>(i, c), 1L);
            }
        }
        for (int workers : new int[] {1, 2, 4}) {
            for (int stepSize : new int[] {1, 7, 256, shapes.size()}) {
                try (CircuitHandle<SplitIo> h = split(workers, 0)) {
                    Shape[] array = shapes.toArray(new Shape[0]);
                    for (int from = 0; from < array.length; from += stepSize) {
                        int to = Math.min(array.length, from + stepSize);
                        if (stepSize == 7) {
                            for (int i = from; i < to; i++) {
                                assertEquals(i, h.io().in().push(array[i]));
                            }
                        } else {
                            assertEquals(from, h.io().in().pushAll(array, from, to));
                        }
                        h.step();
                    }
                    assertEquals(expected, h.io().circles().integral().toMap(),
                            workers + " workers, steps of " + stepSize + ", seed " + seed);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void aSplitInputDeletesAStampedRecordByItsStampAndRefusesAnUnstampedDeletion(int workers) {
        try (CircuitHandle<SplitIo> h = split(workers, 0)) {
            SplitInput<Shape> in = h.io().in();
            long early = in.push(new Circle(1));
            in.push(new Square(2));
            long late = in.push(new Circle(1));
            h.step();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> in.push(new Circle(1), -1));
            assertTrue(e.getMessage().contains(Circle.class.getName()) && e.getMessage().contains("pushStamped"), e.getMessage());
            IllegalArgumentException notStamping = assertThrows(IllegalArgumentException.class,
                    () -> in.pushStamped(new Sequenced<>(1, new Square(2)), -1));
            assertTrue(notStamping.getMessage().contains("no sequenced part"), notStamping.getMessage());
            assertThrows(IllegalArgumentException.class, () -> in.pushStamped(new Sequenced<>(3, new Circle(1)), -1));
            assertEquals(3, in.nextPosition(), "refused pushes take no position");
            in.pushStamped(new Sequenced<>(late, new Circle(1)), -1);
            in.push(new Square(2), -1);
            long after = in.push(new Circle(1));
            h.step();
            assertEquals(Map.of(new Sequenced<>(late, new Circle(1)), -1L, new Sequenced<>(after, new Circle(1)), 1L),
                    h.io().circles().delta().toMap());
            assertEquals(5, after, "the deletions took positions 3 and 4");
            assertEquals(Map.of(new Sequenced<>(early, new Circle(1)), 1L, new Sequenced<>(after, new Circle(1)), 1L),
                    h.io().circles().integral().toMap());
            assertEquals(Map.of(), h.io().squares().integral().toMap(), "unstamped parts delete with negative weights as before");
        }
    }
}
