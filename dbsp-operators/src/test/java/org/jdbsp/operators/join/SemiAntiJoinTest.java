package org.jdbsp.operators.join;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Semi- and anti-join keep the left tuples whose key is (is not) present on the right. */
class SemiAntiJoinTest {
    static Map<Object, Long> reference(Table a, Table b, boolean anti) {
        Map<Object, Long> out = new HashMap<>();
        for (Map.Entry<Object, Map<Object, Long>> ka : a.rows.entrySet()) {
            long rightTotal = 0;
            for (long w : b.rows.getOrDefault(ka.getKey(), Map.of()).values()) {
                rightTotal += w;
            }
            if ((rightTotal > 0) != anti) {
                for (Map.Entry<Object, Long> va : ka.getValue().entrySet()) {
                    out.put(List.of(ka.getKey(), va.getKey()), va.getValue());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void semiJoinEqualsReference(Shape shape) {
        Differential.check("semi-join", 12, shape, 2, 80, 6, 4, true,
                s -> Joins.semiJoin(s.get(0), s.get(1)), t -> reference(t.get(0), t.get(1), false));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void antiJoinEqualsReference(Shape shape) {
        Differential.check("anti-join", 12, shape, 2, 80, 6, 4, true,
                s -> Joins.antiJoin(s.get(0), s.get(1)), t -> reference(t.get(0), t.get(1), true));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void semiJoinOfAStreamWithItselfIsTheStreamWherePositive(Shape shape) {
        Differential.check("self semi-join", 8, shape, 1, 60, 5, 4, true,
                s -> Joins.semiJoin(s.get(0), s.get(0)), t -> reference(t.get(0), t.get(0), false));
    }
}
