package org.jdbsp.operators.join;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.jdbsp.operators.join.JoinTest.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The left outer join equals nested loops plus (a, null) for left rows whose key is not present on the right. */
class LeftJoinTest {
    static Map<Object, Long> reference(Table a, Table b) {
        Map<Object, Long> out = new HashMap<>();
        for (Map.Entry<Object, Map<Object, Long>> ka : a.rows.entrySet()) {
            Map<Object, Long> bs = b.rows.getOrDefault(ka.getKey(), Map.of());
            long rightTotal = 0;
            for (long w : bs.values()) {
                rightTotal += w;
            }
            for (Map.Entry<Object, Long> va : ka.getValue().entrySet()) {
                for (Map.Entry<Object, Long> vb : bs.entrySet()) {
                    Differential.addTo(out, new Pair(va.getKey(), vb.getKey()), va.getValue() * vb.getValue());
                }
                if (rightTotal <= 0) {
                    Differential.addTo(out, new Pair(va.getKey(), null), va.getValue());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void leftJoinEqualsReference(Shape shape) {
        Differential.check("left join", 12, shape, 2, 80, 6, 4, false,
                s -> Joins.leftJoin(s.get(0), s.get(1), Pair::new),
                t -> reference(t.get(0), t.get(1)));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void leftJoinWithNegativeWeightsEqualsReference(Shape shape) {
        Differential.check("left join, negative weights", 8, shape, 2, 80, 5, 4, true,
                s -> Joins.leftJoin(s.get(0), s.get(1), Pair::new),
                t -> reference(t.get(0), t.get(1)));
    }
}
