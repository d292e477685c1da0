package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbsp.testing.RefZSet;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DBSP correctness theorem for every core operator: on random multi-step input with insertions and
 * deletions, after every step the integral of the operator's output equals the operator evaluated
 * non-incrementally (on reference Z-sets) over the integral of its input.
 */
class CircuitTheoremTest {
    /**
     * One operator under test: how to wire it onto an input stream, and its non-incremental meaning as a
     * function of the history of input integrals (index t = the integral after step t).
     */
    record Case(String name, Function<ZSetStream<Long>, Object> wire, BiFunction<List<RefZSet>, Integer, RefZSet> reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BiFunction<List<RefZSet>, Integer, RefZSet> pointwise(Function<RefZSet, RefZSet> q) {
        return (history, t) -> q.apply(history.get(t));
    }

    private static RefZSet filterRef(RefZSet z, java.util.function.Predicate<Long> p) {
        RefZSet out = new RefZSet();
        z.map().forEach((r, w) -> {
            if (p.test((Long) r)) {
                out.add(r, w);
            }
        });
        return out;
    }

    static List<Case> cases() {
        return List.of(
                new Case("map", s -> s.map(x -> "v" + (x % 4)).output(), pointwise(z -> z.map(x -> "v" + ((Long) x % 4)))),
                new Case("mapToLong", s -> s.mapToLong(x -> x / 2).output(), pointwise(z -> z.map(x -> (Long) x / 2))),
                new Case("filter", s -> s.filter(x -> x % 2 == 0).output(), pointwise(z -> filterRef(z, x -> x % 2 == 0))),
                new Case("flatMap", s -> s.flatMap(x -> List.of(x, x + 100, x + 100)).output(), pointwise(z -> {
                    RefZSet out = new RefZSet();
                    z.map().forEach((r, w) -> {
                        out.add(r, w);
                        out.add((Long) r + 100, 2 * w);
                    });
                    return out;
                })),
                new Case("index", s -> s.index(x -> x % 3, x -> "r" + x).output(),
                        pointwise(z -> z.map(x -> List.of((Long) x % 3, "r" + x)))),
                new Case("indexByLong", s -> s.indexByLong(x -> x % 3, x -> "r" + x).output(),
                        pointwise(z -> z.map(x -> List.of((Long) x % 3, "r" + x)))),
                new Case("indexByLong with a value order", s -> s.indexByLong(x -> x % 3, x -> "r" + x, java.util.Comparator.<String>reverseOrder()).output(),
                        pointwise(z -> z.map(x -> List.of((Long) x % 3, "r" + x)))),
                new Case("index with key and value orders", s -> s.index(x -> x % 3, x -> "r" + x,
                                java.util.Comparator.<Long>reverseOrder(), java.util.Comparator.<String>reverseOrder()).output(),
                        pointwise(z -> z.map(x -> List.of((Long) x % 3, "r" + x)))),
                new Case("indexLongToLong", s -> s.indexLongToLong(x -> x % 3, x -> x * 10).output(),
                        pointwise(z -> z.map(x -> List.of((Long) x % 3, (Long) x * 10)))),
                new Case("indexed filter and values", s -> s.indexByLong(x -> x % 3, x -> x).filter((k, v) -> k != 1).values().output(),
                        pointwise(z -> filterRef(z, x -> x % 3 != 1))),
                new Case("plus", s -> s.plus(s.filter(x -> x > 3)).output(),
                        pointwise(z -> z.copy().addAll(filterRef(z, x -> x > 3)))),
                new Case("minus", s -> s.minus(s.filter(x -> x > 3)).output(), pointwise(z -> filterRef(z, x -> x <= 3))),
                new Case("negate", s -> s.negate().output(), pointwise(z -> {
                    RefZSet out = new RefZSet();
                    z.map().forEach((r, w) -> out.add(r, -w));
                    return out;
                })),
                new Case("delay", s -> s.delay().output(), (history, t) -> t == 0 ? new RefZSet() : history.get(t - 1)),
                new Case("integrate", s -> s.integrate().output(), (history, t) -> {
                    RefZSet out = new RefZSet();
                    for (int i = 0; i <= t; i++) {
                        out.addAll(history.get(i));
                    }
                    return out;
                }),
                new Case("differentiate", s -> s.differentiate().output(), (history, t) -> history.get(t)
                        .copy().addAll(negated(t == 0 ? new RefZSet() : history.get(t - 1)))));
    }

    private static RefZSet negated(RefZSet z) {
        RefZSet out = new RefZSet();
        z.map().forEach((r, w) -> out.add(r, -w));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void integralOfOutputEqualsOperatorOnIntegralOfInput(Case c) {
        for (boolean longStorage : new boolean[] {false, true}) {
            Seeded.trials(c.name + (longStorage ? " over long storage" : ""), 40, r -> {
                record Io(ZSetInput<Long> in, Object out) {}
                try (CircuitHandle<Io> h = Circuit.build(b -> {
                    ZSetInput<Long> in = longStorage ? b.longZSetInput("numbers") : b.zsetInput("numbers");
                    return new Io(in, c.wire.apply(in.stream()));
                })) {
                    RefZSet integral = new RefZSet();
                    List<RefZSet> history = new ArrayList<>();
                    RefZSet outputIntegral = new RefZSet();
                    for (int t = 0, steps = 1 + r.nextInt(12); t < steps; t++) {
                        for (int i = r.nextInt(9); i > 0; i--) {
                            long x = r.nextInt(8);
                            long w = r.nextInt(7) - 3;
                            h.io().in().push(x, w);
                            integral.add(x, w);
                        }
                        h.step();
                        history.add(integral.copy());
                        RefZSet delta = read(h.io().out(), false);
                        outputIntegral.addAll(delta);
                        RefZSet expected = c.reference.apply(history, t);
                        assertEquals(expected, outputIntegral, "summed output changes after step " + t);
                        assertEquals(expected, read(h.io().out(), true), "output integral after step " + t);
                    }
                }
            });
        }
    }

    static RefZSet read(Object output, boolean integral) {
        if (output instanceof ZSetOutput) {
            ZSetOutput<?> o = (ZSetOutput<?>) output;
            return RefZSet.of(integral ? o.integral() : o.delta());
        }
        IndexedZSetOutput<?, ?> o = (IndexedZSetOutput<?, ?>) output;
        return RefZSet.of(integral ? o.integral() : o.delta());
    }
}
