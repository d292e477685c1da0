package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jdbsp.testing.RefZSet;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.ZSetBuilder;
import org.junit.jupiter.api.Test;

/** map, filter, flatMap and index are linear: f(a + b) = f(a) + f(b) and f(-a) = -f(a). */
class LinearityTest {
    private static final List<Function<ZSetStream<Long>, Object>> OPERATORS = List.of(
            s -> s.map(x -> x % 3).output(),
            s -> s.filter(x -> x % 2 == 1).output(),
            s -> s.flatMap(x -> List.of(x, x * 2)).output(),
            s -> s.index(x -> x % 2, x -> x).output(),
            s -> s.indexByLong(x -> x % 2, x -> "n" + x).output());

    private static ZSet<Long> random(SplittableRandom r) {
        ZSetBuilder<Long> b = ZSet.builder();
        for (int i = r.nextInt(10); i > 0; i--) {
            b.add((long) r.nextInt(6), r.nextInt(7) - 3);
        }
        return b.build();
    }

    /** Runs the operator on one input Z-set in a fresh circuit and returns its output change. */
    private static RefZSet apply(Function<ZSetStream<Long>, Object> op, ZSet<Long> input) {
        record Io(ZSetInput<Long> in, Object out) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<Long> in = b.zsetInput("in");
            return new Io(in, op.apply(in.stream()));
        })) {
            h.io().in().pushAll(input);
            h.step();
            return CircuitTheoremTest.read(h.io().out(), false);
        }
    }

    @Test
    void linearOperatorsDistributeOverAdditionAndNegation() {
        for (int k = 0; k < OPERATORS.size(); k++) {
            Function<ZSetStream<Long>, Object> op = OPERATORS.get(k);
            Seeded.trials("linearity of operator " + k, 60, r -> {
                ZSet<Long> a = random(r);
                ZSet<Long> b = random(r);
                assertEquals(apply(op, a).copy().addAll(apply(op, b)), apply(op, a.plus(b)), "f(a + b) = f(a) + f(b)");
                RefZSet negated = new RefZSet();
                apply(op, a).map().forEach((x, w) -> negated.add(x, -w));
                assertEquals(negated, apply(op, a.negate()), "f(-a) = -f(a)");
            });
        }
    }

    @Test
    void integrateAndDifferentiateAreInverses() {
        Seeded.trials("D(I s) = s and I(D s) = s", 60, r -> {
            record Io(ZSetInput<Long> in, ZSetOutput<Long> di, ZSetOutput<Long> id) {}
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                ZSetInput<Long> in = b.zsetInput("in");
                ZSetStream<Long> s = in.stream();
                return new Io(in, s.integrate().differentiate().outputDeltas(), s.differentiate().integrate().outputDeltas());
            })) {
                for (int t = 0; t < 10; t++) {
                    ZSet<Long> change = random(r);
                    h.io().in().pushAll(change);
                    h.step();
                    assertEquals(change, h.io().di().delta(), "D(I s) = s at step " + t);
                    assertEquals(change, h.io().id().delta(), "I(D s) = s at step " + t);
                }
            }
        });
    }
}
