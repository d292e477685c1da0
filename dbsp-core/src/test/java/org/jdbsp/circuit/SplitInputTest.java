package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A split input hands each pushed record to the part of its type, on any number of workers. */
class SplitInputTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    sealed interface Shape permits Circle, Square, Dot {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    record Dot() implements Shape {}

    record Io(SplitInput<Shape> in, ZSetOutput<Circle> circles, ZSetOutput<Square> squares) {}

    private static CircuitHandle<Io> circuit(int workers) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("split" + NAMES.incrementAndGet()), b -> {
            SplitInput<Shape> in = b.splitInput("shapes");
            ZSetOutput<Circle> circles = in.part(Circle.class).output();
            ZSetOutput<Square> squares = in.part(Square.class).output();
            return new Io(in, circles, squares);
        });
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void everyRecordReachesThePartOfItsTypeWithItsWeight(int workers) {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        try (CircuitHandle<Io> h = circuit(workers)) {
            Map<Circle, Long> circles = new HashMap<>();
            Map<Square, Long> squares = new HashMap<>();
            for (int step = 0; step < 5; step++) {
                Map<Circle, Long> stepCircles = new HashMap<>();
                Map<Square, Long> stepSquares = new HashMap<>();
                Shape[] batch = new Shape[200];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = r.nextBoolean() ? new Circle(r.nextInt(20)) : new Square(r.nextInt(20));
                    add(stepCircles, stepSquares, batch[i], 1);
                }
                h.io().in().pushAll(batch, 0, batch.length);
                for (int i = 0; i < 30; i++) {
                    Shape s = r.nextBoolean() ? new Circle(r.nextInt(20)) : new Square(r.nextInt(20));
                    long w = r.nextInt(5) - 2;
                    h.io().in().push(s, w);
                    add(stepCircles, stepSquares, s, w);
                }
                h.step();
                stepCircles.values().removeIf(w -> w == 0);
                stepSquares.values().removeIf(w -> w == 0);
                assertEquals(stepCircles, h.io().circles().delta().toMap(), "circles of step " + step + ", seed " + seed);
                assertEquals(stepSquares, h.io().squares().delta().toMap(), "squares of step " + step + ", seed " + seed);
                stepCircles.forEach((k, w) -> circles.merge(k, w, Long::sum));
                stepSquares.forEach((k, w) -> squares.merge(k, w, Long::sum));
            }
            circles.values().removeIf(w -> w == 0);
            squares.values().removeIf(w -> w == 0);
            assertEquals(circles, h.io().circles().integral().toMap(), "seed " + seed);
            assertEquals(squares, h.io().squares().integral().toMap(), "seed " + seed);
        }
    }

    private static void add(Map<Circle, Long> circles, Map<Square, Long> squares, Shape s, long w) {
        if (s instanceof Circle c) {
            circles.merge(c, w, Long::sum);
        } else {
            squares.merge((Square) s, w, Long::sum);
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2})
    void aPushWithANullAppliesNothing(int workers) {
        try (CircuitHandle<Io> h = circuit(workers)) {
            Shape[] batch = {new Circle(1), new Square(2), null, new Circle(3)};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.io().in().pushAll(batch, 0, 4));
            assertTrue(e.getMessage().contains("index 2") && e.getMessage().contains("'shapes'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> h.io().in().push(null, 1));
            h.io().in().pushAll(batch, 0, 2);
            h.step();
            assertEquals(Map.of(new Circle(1), 1L), h.io().circles().delta().toMap());
            assertEquals(Map.of(new Square(2), 1L), h.io().squares().delta().toMap());
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2})
    void aRecordOfNoPartFailsTheStepNamingItsClass(int workers) {
        try (CircuitHandle<Io> h = circuit(workers)) {
            h.io().in().push(new Dot());
            CircuitException e = assertThrows(CircuitException.class, h::step);
            String message = e.getCause().getMessage();
            assertTrue(message.contains(Dot.class.getName()) && message.contains("'shapes'"), message);
            assertThrows(IllegalStateException.class, () -> h.io().in().push(new Circle(1)));
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2})
    void aPartThatAnEarlierPartShadowsIsRefused(int workers) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("split" + NAMES.incrementAndGet()), b -> {
                    SplitInput<Shape> in = b.splitInput("shapes");
                    in.part(Shape.class);
                    return in.part(Circle.class);
                }));
        assertTrue(e.getMessage().contains(Shape.class.getName()), e.getMessage());
    }
}
